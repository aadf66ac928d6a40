/* version.h — the program's name, version and home, for --version and SARIF. */
#ifndef POLICYC_VERSION_H
#define POLICYC_VERSION_H

#define POLICYC_VERSION "0.1.0"
#define POLICYC_HOME_URI "https://github.com/policyc/policyc"
#endif
