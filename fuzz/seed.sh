#!/bin/sh
# Seeds the fuzz corpora from the repository's test programs: every .py under tests/ and programs/
# (and the regression inputs under fuzz/regressions/), copied into fuzz/corpus/<target>/ under a
# name derived from its path. The corpus is not committed; run this before the first `cargo fuzz run`.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
for target in compile run; do
    dir="$here/corpus/$target"
    mkdir -p "$dir"
    find "$root/tests" "$root/programs" "$here/regressions" -type f \( -name '*.py' -o -name '*.bin' \) 2>/dev/null |
        while read -r f; do
            rel=${f#"$root"/}
            cp "$f" "$dir/$(printf '%s' "$rel" | tr '/' '_')"
        done
done
echo "seeded $(ls "$here/corpus/compile" | wc -l) inputs per target into $here/corpus/"
