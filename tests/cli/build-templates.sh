# build --templates DIR: the pages come from DIR's templates, style.css is
# copied from DIR as it is; a missing template is exit status 2.
. "$(dirname "$0")/cli-lib.inc"
policy "$T/in/a.md" 甲制度 A-1
mkdir -p "$T/tpl"
cat > "$T/tpl/page.html" <<'EOF2'
<!DOCTYPE html><html lang="{{lang}}"><head><title>CUSTOM {{title}}</title></head>
<body data-status="{{ status }}"><h1>{{title}}</h1>{{{content}}}{{unknown}}</body></html>
EOF2
printf '<!DOCTYPE html><title>CUSTOM INDEX</title>{{{policies}}}\n' > "$T/tpl/index.html"
printf '<!DOCTYPE html><title>CUSTOM FORM {{title}}</title>{{{form}}}\n' > "$T/tpl/form.html"
printf '/* custom */ body { color: #123456; }\n' > "$T/tpl/style.css"

run "$POLICYC" build -q --templates "$T/tpl" -o "$T/site" "$T/in"
expect_rc 0 "build with custom templates"
expect_grep '<title>CUSTOM 甲制度</title>' "$T/site/A-1.html" "the custom page template"
expect_grep 'data-status="active"' "$T/site/A-1.html" "a placeholder with spaces"
expect_grep 'id="article-1"' "$T/site/A-1.html" "the text inside the custom page"
expect_grep 'CUSTOM INDEX' "$T/site/index.html" "the custom index template"
cmp -s "$T/tpl/style.css" "$T/site/style.css" || fail "style.css is not the custom one"
expect_no_grep '{{' "$T/site/A-1.html" "placeholders left in the page"

# The default templates are not these.
run "$POLICYC" build -q -o "$T/default" "$T/in"
expect_rc 0 "build with the default templates"
expect_no_grep 'CUSTOM' "$T/default/A-1.html" "the default page"
expect_grep '@page' "$T/default/style.css" "the default stylesheet"

# A directory without a template of the set.
rm "$T/tpl/form.html"
run "$POLICYC" build -q --templates "$T/tpl" -o "$T/site2" "$T/in"
expect_rc 2 "a missing template"
expect_grep "^policyc: cannot read template $T/tpl/form.html: No such file or directory$" "$T/err" "a missing template"
[ ! -e "$T/site2" ] || fail "output written without templates"

# Installed: PREFIX/bin/policyc finds PREFIX/share/policyc/templates.
repo_templates=$(cd "$(dirname "$0")/../../templates" && pwd)
mkdir -p "$T/prefix/bin" "$T/prefix/share/policyc/templates"
cp "$POLICYC" "$T/prefix/bin/policyc"
cp "$T/tpl/page.html" "$T/tpl/index.html" "$T/tpl/style.css" "$T/prefix/share/policyc/templates/"
cp "$repo_templates/form.html" "$T/prefix/share/policyc/templates/"
run "$T/prefix/bin/policyc" build -q -o "$T/site3" "$T/in"
expect_rc 0 "the installed layout"
expect_grep '<title>CUSTOM 甲制度</title>' "$T/site3/A-1.html" "templates of the installed layout"
exit 0
