#!/usr/bin/env python3
"""bench/bench.py — the timing driver of `make bench` (bench/run.sh runs it).

Generates two corpora with bench/gen.py on tmpfs, makes sure they are clean
(`policyc check --werror` silent: otherwise the figures would time error paths,
so the bench stops with status 1), then times, interleaved — every command
once, then every command again, RUNS times — policyc check and build on both
corpora, cmark-gfm over the same files in one process, pandoc on a few
documents, and policyc check on one document; and prints medians with min and
max, peak resident set sizes, the ratios and the targets of issue 7 with PASS
or FAIL. A FAIL is reported, not an exit status: the status is 0 unless the
bench itself could not run. docs/performance.md says how to read the output.

Environment (defaults in brackets):
  RUNS [5]           timed runs of each command
  SIZES [1000 10000] the two corpus sizes: the small one is the one of the
                     ratios against cmark-gfm, the large one that of peak RSS
  ONE_RUNS [50]      runs of the one-document check (spread over the rounds)
  PANDOC_DOCS [20]   documents converted by pandoc, one process each
  POLICYC [./policyc], TMPFS [/dev/shm], DISK [/var/tmp]
"""
import datetime
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def env_int(name, default, low):
    value = os.environ.get(name, str(default))
    if not value.isdigit() or int(value) < low:
        fail(f"{name}={value} is not a whole number >= {low}", 2)
    return int(value)


def fail(message, status=1):
    print(f"bench: {message}", file=sys.stderr)
    sys.exit(status)


class Command:
    """One line of the table: what it runs, and what it measured."""

    def __init__(self, name, docs, argvs, cwd=None, output=None, per_round=1, quiet=True):
        self.name = name
        self.docs = docs
        self.argvs = argvs          # one process each; a run's time is their sum
        self.cwd = cwd
        self.output = output        # removed before each run: every build is a full build
        self.per_round = per_round
        self.quiet = quiet          # any standard error output is a failure
        self.seconds = []
        self.cpu_seconds = []       # user + system time of the processes
        self.peak_rss_kib = 0       # of the first run, under /usr/bin/time -v

    def median(self):
        return statistics.median(self.seconds)


def run_process(argv, cwd, errors):
    """Runs argv to completion: (wall seconds, CPU seconds, peak RSS in KiB, exit status).

    Wall time is taken around fork, exec and wait in this process, so it
    includes the program's start; wait4 gives the child's own CPU time and
    peak RSS."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, cwd=cwd, stdin=subprocess.DEVNULL,
                               stdout=subprocess.DEVNULL, stderr=errors)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, process.returncode


class Bench:
    def __init__(self):
        self.runs = env_int("RUNS", 5, 1)
        self.one_runs = env_int("ONE_RUNS", 50, 1)
        self.pandoc_docs = env_int("PANDOC_DOCS", 20, 1)
        sizes = os.environ.get("SIZES", "1000 10000").split()
        if len(sizes) != 2 or not all(s.isdigit() and int(s) >= 2 for s in sizes) \
                or int(sizes[0]) >= int(sizes[1]):
            fail("SIZES must be two sizes of at least 2, small then large, e.g. \"1000 10000\"", 2)
        self.small, self.large = int(sizes[0]), int(sizes[1])
        self.policyc = os.path.abspath(os.environ.get("POLICYC", "./policyc"))
        if not os.access(self.policyc, os.X_OK):
            fail(f"{self.policyc} is not an executable; run make policyc first", 2)
        self.cmark = shutil.which("cmark-gfm")
        self.pandoc = shutil.which("pandoc")
        self.gnu_time = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None
        tmpfs = os.environ.get("TMPFS", "/dev/shm")
        self.tmpfs_note = ""
        if not os.path.isdir(tmpfs):
            self.tmpfs_note = f" ({tmpfs} missing: {tempfile.gettempdir()} instead, which may be a disk)"
            tmpfs = None
        self.work = tempfile.mkdtemp(prefix="policyc-bench.", dir=tmpfs)
        try:
            self.disk = tempfile.mkdtemp(prefix="policyc-bench.", dir=os.environ.get("DISK", "/var/tmp"))
        except OSError as error:
            shutil.rmtree(self.work)
            fail(f"no directory for the build on disk: {error}", 2)
        self.errors = open(os.path.join(self.work, "stderr"), "w+b")
        self.rss_file = os.path.join(self.work, "time-v")
        self.commands = []

    def cleanup(self):
        self.errors.close()
        shutil.rmtree(self.work, ignore_errors=True)
        shutil.rmtree(self.disk, ignore_errors=True)

    def corpus(self, size):
        return os.path.join(self.work, f"corpus-{size}")

    # ---- preparing -------------------------------------------------------

    def generate(self):
        for size in (self.small, self.large):
            subprocess.run([sys.executable, os.path.join(HERE, "gen.py"), self.corpus(size), str(size)],
                           check=True)
            self.require_clean(["check", "-q", "--werror", "--color", "never", self.corpus(size)],
                               f"the generated corpus of {size} documents")
        self.one_doc = os.path.join(self.corpus(self.small), "bench-00001.md")
        self.require_clean(["check", "-q", "--werror", "--color", "never", self.one_doc],
                           "the one document")

    def require_clean(self, args, what):
        result = subprocess.run([self.policyc] + args, stdin=subprocess.DEVNULL,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        if result.returncode != 0 or result.stderr:
            lines = result.stderr.decode(errors="replace").splitlines()
            detail = "\n".join("  " + line for line in lines[:20])
            fail(f"policyc {' '.join(args[:-1])} exited {result.returncode} on {what} "
                 f"with {len(lines)} lines of diagnostics (the generator or policyc is wrong; "
                 f"no timing is meaningful):\n{detail}")

    def corpus_bytes(self, size):
        directory = self.corpus(size)
        return sum(os.path.getsize(os.path.join(directory, name)) for name in os.listdir(directory))

    def plan(self):
        """The commands, in the order each round runs them."""
        policyc = self.policyc
        jobs = os.cpu_count()
        for size in (self.small, self.large):
            corpus = self.corpus(size)
            tmp_out = os.path.join(self.work, f"out-{size}")
            disk_out = os.path.join(self.disk, f"out-{size}")
            check = [policyc, "check", "-q", "--color", "never"]
            build = [policyc, "build", "-q", "--color", "never"]
            add = self.commands.append
            add(Command("policyc check -j1", size, [check + ["-j", "1", corpus]]))
            add(Command(f"policyc check (default -j{jobs})", size, [check + [corpus]]))
            add(Command("policyc build -j1, tmpfs", size, [build + ["-j", "1", "-o", tmp_out, corpus]],
                        output=tmp_out))
            add(Command(f"policyc build (default -j{jobs}), tmpfs", size,
                        [build + ["-o", tmp_out, corpus]], output=tmp_out))
            add(Command(f"policyc build (default -j{jobs}), disk", size,
                        [build + ["-o", disk_out, corpus]], output=disk_out))
            if self.cmark:
                names = sorted(n for n in os.listdir(corpus) if n.endswith(".md"))
                argv = [self.cmark, "-e", "table"] + names
                self.require_arg_space(argv)
                add(Command("cmark-gfm -e table, one process", size, [argv], cwd=corpus, quiet=False))
        if self.pandoc:
            corpus = self.corpus(self.small)
            step = max(1, self.small // self.pandoc_docs)
            picked = [os.path.join(corpus, f"bench-{n:05d}.md")
                      for n in range(1, self.small + 1, step)][:self.pandoc_docs]
            self.pandoc_docs = len(picked)
            processes = f"{len(picked)} process{'es' if len(picked) > 1 else ''}"
            self.commands.append(Command(f"pandoc -f markdown -t html, {processes}", len(picked),
                                         [[self.pandoc, "-f", "markdown", "-t", "html", path]
                                          for path in picked], quiet=False))
        self.commands.append(Command("policyc check, one document", 1,
                                     [[policyc, "check", "-q", "--color", "never", self.one_doc]],
                                     per_round=-(-self.one_runs // self.runs)))

    def require_arg_space(self, argv):
        """cmark-gfm must get every file in one process: fail rather than split."""
        needed = sum(len(arg) + 1 + 8 for arg in argv) \
            + sum(len(k) + len(v) + 2 + 8 for k, v in os.environ.items())
        limit = os.sysconf("SC_ARG_MAX")
        if needed > limit:
            fail(f"cmark-gfm's {len(argv)} arguments need {needed} bytes, more than ARG_MAX {limit}")

    # ---- measuring -------------------------------------------------------

    def run(self, command, rss_probe=False):
        """One run of command: (wall seconds, CPU seconds, peak RSS in KiB).

        With rss_probe, each process runs under /usr/bin/time -v, whose
        figure is the program's own; a process started from this driver
        inherits the driver's size as its peak (Linux keeps the high-water mark
        of the memory it had before exec), so the wait4 figure of a timed run
        is never below about 17 MB."""
        if command.output:
            shutil.rmtree(command.output, ignore_errors=True)
        # The disk's writes of the run before (or of that removal) are not
        # left to slow this one down.
        os.sync()
        total, cpu, peak = 0.0, 0.0, 0
        for argv in command.argvs:
            self.errors.seek(0)
            self.errors.truncate()
            if rss_probe and self.gnu_time:
                argv = [self.gnu_time, "-v", "-o", self.rss_file] + argv
            seconds, cpu_seconds, rss, status = run_process(argv, command.cwd, self.errors)
            if rss_probe and self.gnu_time and status == 0:
                rss = self.gnu_time_rss(argv)
            self.errors.seek(0)
            said = self.errors.read()
            if status != 0 or (command.quiet and said):
                fail(f"{' '.join(argv[:6])} … exited {status}:\n" + said.decode(errors="replace")[:2000])
            total += seconds
            cpu += cpu_seconds
            peak = max(peak, rss)
        return total, cpu, peak

    def measure(self):
        self.baseline = []
        # The first run warms the page cache, shows that each command works
        # and gives its peak RSS.
        for command in self.commands:
            command.peak_rss_kib = self.run(command, rss_probe=True)[2]
        for round_number in range(1, self.runs + 1):
            print(f"bench: round {round_number} of {self.runs}", file=sys.stderr, flush=True)
            for command in self.commands:
                for _ in range(command.per_round):
                    seconds, cpu, _ = self.run(command)
                    command.seconds.append(seconds)
                    command.cpu_seconds.append(cpu)
            for _ in range(10):
                self.baseline.append(run_process(["/bin/true"], None, self.errors)[0])

    def gnu_time_rss(self, argv):
        with open(self.rss_file, "rb") as report:
            found = re.search(rb"Maximum resident set size \(kbytes\): (\d+)", report.read())
        if not found:
            fail(" ".join(argv[:8]) + " … gave no peak RSS")
        return int(found.group(1))

    # ---- reporting -------------------------------------------------------

    def find(self, prefix, size):
        for command in self.commands:
            if command.name.startswith(prefix) and command.docs == size:
                return command
        return None

    def header(self):
        print("policyc benchmark (make bench)")
        print(f"date:     {datetime.datetime.now().astimezone().strftime('%Y-%m-%d %H:%M:%S %Z')}")
        model = "unknown CPU"
        try:
            with open("/proc/cpuinfo") as cpuinfo:
                found = re.search(r"^model name\s*:\s*(.*)$", cpuinfo.read(), re.M)
                model = found.group(1) if found else model
        except OSError:
            pass
        print(f"machine:  {os.cpu_count()} cores (nproc {first_line(['nproc'])}), {model}, "
              f"{platform.system()} {platform.release()}")
        commit = first_line(["git", "-C", HERE, "describe", "--always", "--dirty"])
        print(f"policyc:  {first_line([self.policyc, '--version'])}, commit {commit}")
        cmark = first_line([self.cmark, "--version"]).split(" - ")[0] if self.cmark else "cmark-gfm not installed"
        pandoc = first_line([self.pandoc, "--version"]) if self.pandoc else "pandoc not installed"
        print(f"others:   {cmark}; {pandoc}")
        for size in (self.small, self.large):
            print(f"corpus:   {size} documents, {self.corpus_bytes(size) / 1e6:.1f} MB "
                  f"(bench/gen.py), no diagnostic under check --werror")
        print(f"files:    corpora and tmpfs outputs in {self.work}{self.tmpfs_note}; "
              f"disk outputs in {self.disk}")
        fewer = " (issue 7 asks for at least 5)" if self.runs < 5 else ""
        print(f"method:   {self.runs} runs of each command{fewer}, interleaved; wall time, median, min and max",
              flush=True)

    def table(self):
        print(f"          starting a process from the driver (/bin/true) takes "
              f"{statistics.median(self.baseline) * 1e3:.2f} ms, included in every figure")
        print()
        print(f"{'command':42} {'docs':>6} {'median':>10} {'min':>10} {'max':>10} {'runs':>4} "
              f"{'CPU':>10} {'peak RSS':>9}")
        for command in self.commands:
            print(f"{command.name:42} {command.docs:>6} {ms(command.median()):>10} "
                  f"{ms(min(command.seconds)):>10} {ms(max(command.seconds)):>10} "
                  f"{len(command.seconds):>4} {ms(statistics.median(command.cpu_seconds)):>10} "
                  f"{megabytes(command.peak_rss_kib):>9}")
        if self.gnu_time:
            print("CPU: user + system time of the process, median; peak RSS: /usr/bin/time -v of the "
                  "untimed first run")
        else:
            print("peak RSS: /usr/bin/time is not installed (apt-get install -y time): the figures are "
                  "wait4's, which count this driver's own size, about 17 MB, as each process's least")
        pandoc = self.find("pandoc", self.pandoc_docs) if self.pandoc else None
        if not self.pandoc:
            print("pandoc:   not installed (apt-get install -y pandoc); its comparison is skipped")
        if not self.cmark:
            print("cmark-gfm: not installed (apt-get install -y cmark-gfm); its comparisons are skipped")
        return pandoc

    def targets(self, pandoc):
        small, large, jobs = self.small, self.large, os.cpu_count()
        check = {size: self.find(f"policyc check (default", size) for size in (small, large)}
        check1 = {size: self.find("policyc check -j1", size) for size in (small, large)}
        build = {size: self.find(f"policyc build (default -j{jobs}), tmpfs", size) for size in (small, large)}
        build1 = {size: self.find("policyc build -j1", size) for size in (small, large)}
        disk = {size: self.find(f"policyc build (default -j{jobs}), disk", size) for size in (small, large)}
        cmark = self.find("cmark-gfm", small)
        one = self.find("policyc check, one document", 1)
        rows = []

        def target(what, figure, bound, passed):
            rows.append((what, figure, bound, "PASS" if passed else "FAIL"))

        if cmark:
            ratio = build[small].median() / cmark.median()
            target(f"build (default jobs, tmpfs) / cmark-gfm, {small} docs", f"{ratio:.2f} ×", "≤ 1.0 ×",
                   ratio <= 1.0)
            ratio = check[small].median() / cmark.median()
            target(f"check (default jobs) / cmark-gfm, {small} docs", f"{ratio:.2f} ×", "≤ 0.5 ×", ratio <= 0.5)
        else:
            rows.append((f"build and check / cmark-gfm, {small} docs", "—", "", "SKIP"))
        if pandoc:
            per_doc_pandoc = pandoc.median() / self.pandoc_docs
            per_doc_build = build[small].median() / small
            ratio = per_doc_pandoc / per_doc_build
            target(f"pandoc per document ({ms(per_doc_pandoc)}) / build per document "
                   f"({per_doc_build * 1e6:.0f} µs)", f"{ratio:.0f} ×", "≥ 100 ×", ratio >= 100)
        else:
            rows.append(("pandoc per document / build per document", "—", "", "SKIP"))
        for name, command in (("check", check[large]), ("build", build[large])):
            kib = command.peak_rss_kib
            target(f"peak RSS, {name} (default jobs) on {large} docs", megabytes(kib),
                   "≤ 64 MB", kib * 1024 <= 64e6)
        for name, table in (("check -j1", check1), ("check, default jobs", check),
                            ("build -j1", build1), ("build, default jobs", build)):
            ratio = table[large].median() / table[small].median()
            target(f"time({large}) / time({small}), {name}", f"{ratio:.2f}",
                   f"≤ {11 * large / small / 10:g}", ratio <= 11 * large / small / 10)
        figure = one.median()
        target(f"one document ({os.path.getsize(self.one_doc) / 1024:.1f} KiB) checked, "
               f"median of {len(one.seconds)}", ms(figure), "≤ 5 ms", figure <= 0.005)

        print()
        print("targets (issue 7)")
        for what, figure, bound, verdict in rows:
            print(f"  {what:66} {figure:>10} {bound:>9}  {verdict}")
        print()
        print("for reading")
        for size in (small, large):
            print(f"  build to disk / build to tmpfs, {size} docs: "
                  f"{disk[size].median() / build[size].median():.2f} ×; "
                  f"build -j1 / default jobs: {build1[size].median() / build[size].median():.2f} ×; "
                  f"check -j1 / default jobs: {check1[size].median() / check[size].median():.2f} ×")
        if cmark:
            print(f"  build -j1 / cmark-gfm, {small} docs: {build1[small].median() / cmark.median():.2f} ×; "
                  f"check -j1 / cmark-gfm: {check1[small].median() / cmark.median():.2f} ×")
            rate = self.corpus_bytes(small) / 1e6
            print(f"  throughput on {small} docs: cmark-gfm {rate / cmark.median():.0f} MB/s, "
                  f"check {rate / check[small].median():.0f} MB/s, build {rate / build[small].median():.0f} MB/s")
        failed = sum(1 for row in rows if row[3] == "FAIL")
        print()
        print(f"{len(rows)} targets: {sum(1 for row in rows if row[3] == 'PASS')} pass, {failed} fail"
              + (f", {sum(1 for row in rows if row[3] == 'SKIP')} skipped"
                 if any(row[3] == "SKIP" for row in rows) else ""))


def first_line(argv):
    try:
        result = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, timeout=30)
        return result.stdout.decode(errors="replace").splitlines()[0].strip()
    except (OSError, IndexError, subprocess.SubprocessError):
        return "unknown"


def ms(seconds):
    value = seconds * 1e3
    return f"{value:.2f} ms" if value < 10 else f"{value:.1f} ms" if value < 1000 else f"{value:.0f} ms"


def megabytes(kib):
    return f"{kib * 1024 / 1e6:.1f} MB"


def main():
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    bench = Bench()
    try:
        bench.generate()
        bench.plan()
        bench.header()
        bench.measure()
        pandoc = bench.table()
        bench.targets(pandoc)
    except KeyboardInterrupt:
        sys.exit(130)
    finally:
        bench.cleanup()


if __name__ == "__main__":
    main()
