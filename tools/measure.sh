#!/bin/bash
# tools/measure.sh TREE OUTPREFIX SPEC...: the field benches of a checkout (or worktree: `real` and `ocr` need
# ../shared beside it) by short specs, one after another; writes OUTPREFIX_SPEC.txt each, then OUTPREFIX_DONE.
# SPEC: b<seed> alt,dev+misses; m<seed> alt,dev no misses; u<seed> blur photos alt,dev;
#   w<seed> wide names alt,dev+misses; v<seed> wide no misses; c<seed> corp+misses; x<seed> corp+wide names+misses;
#   k<seed> alt,dev + wide names + bitonal, handwritten, parent header (+misses); K<seed> same no misses;
#   s<seed> corp+wide+stamp=yes+misses; S<seed> same no misses; e<seed> eval; h<seed> hold (never tune on e/h); real; ocr
snap=$1; out=$2; shift 2
cd "$snap" || exit 1
export PYTHONPATH=$snap/src:$snap OMP_THREAD_LIMIT=1
for spec in "$@"; do
  mode=${spec%%[0-9]*}; seed=${spec#$mode}
  (
  export BENCH_FAMILIES_N=14 BENCH_FAMILIES_SEED=$seed
  case $mode in
    b) export BENCH_FAMILIES_SETS=alt,dev BENCH_FAMILIES_MISSES=alt,dev;;
    m) export BENCH_FAMILIES_SETS=alt,dev BENCH_FAMILIES_MISSES=none;;
    u) export BENCH_FAMILIES_SETS=alt,dev BENCH_FAMILIES_MISSES=alt,dev BENCH_FAMILIES_PHOTO=blur;;
    w) export BENCH_FAMILIES_SETS=alt,dev BENCH_FAMILIES_MISSES=alt,dev BENCH_FAMILIES_NAMES=wide;;
    v) export BENCH_FAMILIES_SETS=alt,dev BENCH_FAMILIES_MISSES=none BENCH_FAMILIES_NAMES=wide;;
    c) export BENCH_FAMILIES_SETS=corp BENCH_FAMILIES_MISSES=corp;;
    x) export BENCH_FAMILIES_SETS=corp BENCH_FAMILIES_MISSES=corp BENCH_FAMILIES_NAMES=wide;;
    s) export BENCH_FAMILIES_SETS=corp BENCH_FAMILIES_MISSES=corp BENCH_FAMILIES_NAMES=wide BENCH_FAMILIES_AXES=stamp=yes;;
    k) export BENCH_FAMILIES_SETS=alt,dev BENCH_FAMILIES_MISSES=alt,dev BENCH_FAMILIES_NAMES=wide BENCH_FAMILIES_AXES=colour=bitonal,handwritten=yes,header=parent;;
    K) export BENCH_FAMILIES_SETS=alt,dev BENCH_FAMILIES_MISSES=none BENCH_FAMILIES_NAMES=wide BENCH_FAMILIES_AXES=colour=bitonal,handwritten=yes,header=parent;;
    S) export BENCH_FAMILIES_SETS=corp BENCH_FAMILIES_MISSES=none BENCH_FAMILIES_NAMES=wide BENCH_FAMILIES_AXES=stamp=yes;;
    e) export BENCH_FAMILIES_SETS=eval BENCH_FAMILIES_MISSES=none;;
    h) export BENCH_FAMILIES_SETS=hold BENCH_FAMILIES_MISSES=none;;
  esac
  if [ "$spec" = real ]; then
    BENCH_FIELDS_SETS=realdata,realworld,measure,rescan .venv/bin/python -m bench fields > "${out}_${spec}.txt" 2>&1
  elif [ "$spec" = ocr ]; then
    .venv/bin/python -m bench ocr > "${out}_${spec}.txt" 2>&1
  else
    .venv/bin/python -m bench families > "${out}_${spec}.txt" 2>&1
  fi
  )
done
touch "${out}_DONE"
