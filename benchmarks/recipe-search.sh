#!/usr/bin/env bash
# Candidate sentiment recipes on one seeded stratified Sentiment140 subset, each judged in domain (the split's test
# part) and out of domain (Sanders pos/neg; TweetEval sentiment validation, neutral dropped), next to the TF-IDF
# (unigrams + bigrams) + logistic regression baseline trained on the same tweets. One Markdown row per candidate.
#
#   benchmarks/recipe-search.sh                        # every candidate below
#   benchmarks/recipe-search.sh lesson gru-maxpool     # only these
#
# Settings (environment): LIMIT (rows of the seeded stratified sample, default 40000), EPOCHS (most epochs,
# default 6; early stopping after --patience 2), SEED (split, embeddings and network, default 42), DATA (default
# $NLPKIT_DATA/sentiment140-combined/combined.csv.gz), OUT (bundles and logs; default a new temporary directory),
# BASELINE (1: the first candidate's run also trains the baseline, which is the same for all on the same split, and
# the last row reports it; 0: none trains it). Two invocations with different OUT can share the candidates out.
# Every run is niced (the machine is shared); its times are then "under load" and not figures to quote.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${NLPKIT_DATA:-$root/../shared/data}
data=${DATA:-$shared/sentiment140-combined/combined.csv.gz}
sanders=$shared/sanders-twitter-corpus/full-corpus.csv
tweeteval=$shared/tweeteval-sentiment/val_text.txt
limit=${LIMIT:-40000}
epochs=${EPOCHS:-6}
seed=${SEED:-42}
out=${OUT:-$(mktemp -d "${TMPDIR:-/tmp}/nlpkit-recipe-search.XXXXXX")}
mkdir -p "$out"
for f in "$data" "$sanders" "$tweeteval"; do
  [ -e "$f" ] || { echo "recipe-search.sh: $f not found (set NLPKIT_DATA or DATA)" >&2; exit 1; }
done

# name -> flags; every candidate has the workflow's other defaults (tweets preset, skip-gram 200, --max-length 40).
# The network alone (no blend, threshold 0.5) and, unless the name says finetune, a frozen embedding: the command
# line's default since issue 17 blends, picks a balanced threshold and fine-tunes at 0.1x ("default" below).
alone="--blend none --threshold 0.5"
frozen="--no-fine-tune $alone"
# the "-extra" candidates: the embedding also trains on the other unlabelled English text (books, speeches, Brown)
extra="--embedding-text $shared/english-corpus/combined-plain.txt.gz"
declare -A flags=(
  [default]=""
  [default-extra]="$extra"
  [lesson]="--recipe lesson"
  [lstm]="$frozen"
  [gru]="--cell gru $frozen"
  [bilstm]="--bidirectional $frozen"
  [bigru]="--cell gru --bidirectional $frozen"
  [lstm-finetune]="--fine-tune --embedding-rate-factor 1 $alone"
  [lstm-finetune-0.1]="--fine-tune --embedding-rate-factor 0.1 $alone"
  [lstm-maxpool]="--pooling max $frozen"
  [gru-maxpool]="--cell gru --pooling max $frozen"
  [bigru-maxpool]="--cell gru --bidirectional --pooling max $frozen"
  [gru-maxpool-finetune-0.1]="--cell gru --pooling max --fine-tune --embedding-rate-factor 0.1 $alone"
  [fasttext-lstm]="--embeddings fasttext $frozen"
  [fasttext-gru-maxpool]="--embeddings fasttext --cell gru --pooling max $frozen"
  [w2v-extra]="$extra $frozen"
  [fasttext-extra]="--embeddings fasttext $extra $frozen"
)
order=(default lesson lstm gru bilstm bigru lstm-finetune lstm-finetune-0.1 lstm-maxpool gru-maxpool bigru-maxpool
       gru-maxpool-finetune-0.1 fasttext-lstm fasttext-gru-maxpool w2v-extra fasttext-extra default-extra)
[ $# -gt 0 ] && order=("$@")

"$root/nlpkit" --version >/dev/null   # builds the command line once
# a copy of the built command line, so that a rebuild in the worktree during the (long) search changes nothing
app="$out/app"
rm -rf "$app" && mkdir -p "$app"
cp -r "$root/examples/target/nlpkit.jar" "$root/examples/target/lib" "$root/examples/target/launcher" "$app/"
. "$root/.mvn/find-jdk.sh"
nlpkit() {
  # shellcheck disable=SC2046  # the JVM options are a list
  nice -n 10 "$JAVA_HOME/bin/java" $(cat "$app/launcher/jvm.options") ${NLPKIT_JAVA_OPTS-} -jar "$app/nlpkit.jar" "$@"
}
echo "data: $data, --limit $limit, --epochs $epochs, --seed $seed; logs and bundles in $out"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
echo
echo "| candidate | flags | test acc | test AUC | Sanders acc | Sanders AUC | TweetEval acc | TweetEval AUC | network s |"
echo "|---|---|---:|---:|---:|---:|---:|---:|---:|"
baseline=""
baselines=${BASELINE:-1}
for name in "${order[@]}"; do
  [ -n "${flags[$name]+x}" ] || { echo "recipe-search.sh: unknown candidate $name" >&2; exit 1; }
  log="$out/$name.log"
  # shellcheck disable=SC2086  # the flags are a list
  nlpkit sentiment train --data "$data" --limit "$limit" --seed "$seed" --epochs "$epochs" --word-map none \
      $([ "$baselines" = 1 ] || echo --no-baselines) ${flags[$name]} --eval "$sanders" --eval "$tweeteval" \
      --out "$out/$name.nlpkit" --plots "$out/plots-$name" >"$log" 2>"$out/$name.err" || {
    echo "recipe-search.sh: the $name run failed; see $out/$name.err" >&2
    continue
  }
  # the --eval table's rows: | set | tweets | net acc | net AUC | lr acc | lr AUC |
  row() { grep -F "| $1 |" "$log" | tail -1 | awk -F'|' -v c="$2" '{gsub(/ /, "", $c); print $c}'; }
  seconds=$(sed -n 's/^ *train network *\([0-9.]*\) s.*/\1/p' "$log" | head -1)
  echo "| $name | \`${flags[$name]}\` | $(row "test split" 4) | $(row "test split" 5) | $(row "$sanders" 4) |" \
       "$(row "$sanders" 5) | $(row "$tweeteval" 4) | $(row "$tweeteval" 5) | ${seconds:-?} |"
  if [ "$baselines" = 1 ]; then
    baselines=0
    baseline="| TF-IDF uni+bigram + LR | (same split) | $(row "test split" 6) | $(row "test split" 7) |"
    baseline+=" $(row "$sanders" 6) | $(row "$sanders" 7) | $(row "$tweeteval" 6) | $(row "$tweeteval" 7) | |"
  fi
done
echo "$baseline"
echo
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
