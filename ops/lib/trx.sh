#!/usr/bin/env bash
# Sums the <Counters .../> element of every .trx file under a directory.
# Plain grep/sed is enough: we need one element with flat attributes.

# trx_attr ELEMENT NAME — value of attribute NAME, 0 when absent.
trx_attr() {
  local v
  v=$(sed -n "s/.* $2=\"\([0-9]*\)\".*/\1/p" <<<"$1")
  echo "${v:-0}"
}

# trx_failed_names FILE — names each test that did not pass, so the tail of a CI
# log says which test to look at, not only how many.
trx_failed_names() {
  grep -o '<UnitTestResult [^>]*>' "$1" \
    | grep -E 'outcome="(Failed|Error|Timeout|Aborted)"' \
    | sed -n 's/.* testName="\([^"]*\)".*/    failed: \1/p' || true
}

# trx_summary DIR — prints per-file and total counts; the last line is
# exactly "N passed, N failed". Returns 1 if anything failed or no .trx exists.
trx_summary() {
  local dir=$1 file counters total=0 passed=0 failed=0 notrun=0 files=0
  local t p f
  while IFS= read -r -d '' file; do
    counters=$(grep -o '<Counters [^>]*>' "$file" | head -n 1 || true)
    [[ -n $counters ]] || { say "no <Counters> in $file"; failed=$((failed + 1)); continue; }
    t=$(trx_attr "$counters" total)
    p=$(trx_attr "$counters" passed)
    # error, timeout and aborted are failures too; counting them keeps a
    # crashed test host from looking green.
    f=$(( $(trx_attr "$counters" failed) + $(trx_attr "$counters" error) \
        + $(trx_attr "$counters" timeout) + $(trx_attr "$counters" aborted) ))
    echo "  $(basename "$file"): $t total, $p passed, $f failed"
    trx_failed_names "$file"
    files=$((files + 1)); total=$((total + t)); passed=$((passed + p)); failed=$((failed + f))
  done < <(find "$dir" -name '*.trx' -print0 2>/dev/null | sort -z)
  notrun=$((total - passed - failed))
  echo "$files result file(s): $total total, $notrun not run/skipped"
  echo "$passed passed, $failed failed"
  [[ $files -gt 0 && $failed -eq 0 ]]
}
