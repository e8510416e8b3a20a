#!/bin/sh
# Rebuilds fa-ir.txt from the npm package @cspell/dict-fa-ir: fetches it
# with npm, expands its trie to one word form a line with cspell-trie, and
# lets the normalize tests pick the forms (TestWholeList -wordlist).
# Needs npm and go; run from anywhere.
set -eu
data=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
npm pack --silent @cspell/dict-fa-ir@4.0.5 >/dev/null
tar xzf cspell-dict-fa-ir-4.0.5.tgz
npm install --silent --no-save --no-package-lock cspell-trie@9.7.0 >/dev/null
./node_modules/.bin/cspell-trie reader package/fa-IR.trie.gz >forms.txt
cp package/LICENSE "$data/fa-ir.LICENSE"
cd "$data/.."
go test -count=1 -run '^TestWholeList$' -wordlist "$tmp/forms.txt" -v . | grep -v '^=== '
