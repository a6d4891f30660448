#!/usr/bin/env bash
# The sentiment recipes side by side: trains `nlpkit sentiment train --recipe lstm|gru|cnn|transformer` on the
# same seeded stratified subset of Sentiment140 (same split, same Word2Vec settings and seed, same training flags)
# and prints one Markdown table row per recipe: test accuracy, ROC-AUC, epochs run, time per epoch from epoch 2
# on (the first epoch also pays the JIT compilation), time per epoch over all epochs, and the parameter count.
#
#   benchmarks/recipes.sh                                   # 40,000 tweets, the workflow's other defaults
#   LIMIT=20000 EPOCHS=5 benchmarks/recipes.sh path/to/combined.csv.gz
#
# Settings (environment): LIMIT (rows of the seeded stratified sample, default 40000), EPOCHS (most epochs,
# default 10; early stopping after --patience 2 as in the workflow), SEED (split, Word2Vec and network, default
# 42), OUT (directory for the bundles and logs, default a new temporary directory; nothing in it is replaced
# unless it is an nlpkit file, as `sentiment train` checks), EXTRA (more flags for every run, e.g.
# "--fine-tune"). Word2Vec is retrained for each recipe with the same seed; on more than one thread it is not
# bit-identical run to run (hogwild updates), which moves the accuracy by about 0.003.
#
# Timed figures need a quiet machine: run it when nothing else runs, and note the load average beside the table.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
data=${1:-${NLPKIT_DATA:-$root/../shared/data}/sentiment140-combined/combined.csv.gz}
limit=${LIMIT:-40000}
epochs=${EPOCHS:-10}
seed=${SEED:-42}
out=${OUT:-$(mktemp -d "${TMPDIR:-/tmp}/nlpkit-recipes.XXXXXX")}
mkdir -p "$out"
if [ ! -f "$data" ]; then
  echo "recipes.sh: data file $data not found (give it as the first argument or set NLPKIT_DATA)" >&2
  exit 1
fi

"$root/nlpkit" --version >/dev/null   # builds the command line once, before the timed runs
echo "data: $data, --limit $limit, --epochs $epochs, --seed $seed ${EXTRA:-}; logs and bundles in $out"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
echo
echo "| recipe | test accuracy | ROC-AUC | epochs | s/epoch from epoch 2 | s/epoch, all | parameters |"
echo "|---|---:|---:|---:|---:|---:|---:|"
for recipe in lstm gru cnn transformer; do
  log="$out/$recipe.log"
  # shellcheck disable=SC2086  # EXTRA is a list of flags
  NLPKIT_NO_BUILD=1 "$root/nlpkit" sentiment train --data "$data" --limit "$limit" --seed "$seed" \
      --epochs "$epochs" --recipe "$recipe" --no-baselines --word-map none ${EXTRA:-} \
      --out "$out/$recipe.nlpkit" --plots "$out/plots-$recipe" >"$log" 2>"$out/$recipe.err" || {
    echo "recipes.sh: the $recipe run failed; see $out/$recipe.err" >&2
    exit 1
  }
  accuracy=$(sed -n 's/^accuracy  *\([0-9.]*\)$/\1/p' "$log")
  auc=$(sed -n 's/^roc_auc  *\([0-9.]*\)$/\1/p' "$log")
  times=$(grep '^time per epoch:' "$log")
  count=$(sed -n 's/^time per epoch: mean [0-9.]* s over \([0-9]*\) epochs.*/\1/p' <<<"$times")
  all=$(sed -n 's/^time per epoch: mean \([0-9.]*\) s.*/\1/p' <<<"$times")
  later=$(sed -n 's/.*from epoch 2 on: \([0-9.]*\) s$/\1/p' <<<"$times")
  params=$(sed -n 's/^Total params: \([0-9,]*\)$/\1/p' "$log")
  echo "| $recipe | $accuracy | $auc | $count | ${later:-n/a} | $all | $params |"
done
echo
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
