#!/usr/bin/env bash
# HTML → main text, Parallax vs trafilatura, on the same pages in one run, single-threaded, rates
# in documents per CPU second (per core, and not skewed by other work on a shared machine).
# Installs trafilatura from PyPI into a throwaway virtualenv.
#
#   benches/extraction.sh [PAGES_DIR]   (default: ../shared/datasets/scrapinghub-aeb/html)
set -euo pipefail
cd "$(dirname "$0")/.."
pages=${1:-../shared/datasets/scrapinghub-aeb/html}
rounds=${ROUNDS:-5}
[ -d "$pages" ] || { echo "$pages: not a folder of .html/.html.gz pages" >&2; exit 2; }

venv=${VENV:-/tmp/parallax-bench-venv}
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --upgrade pip
  "$venv/bin/pip" install --quiet trafilatura
fi
traf_version=$("$venv/bin/python" -c 'import trafilatura; print(trafilatura.__version__)')

cargo build --release --quiet -p parallax-html --example throughput
ours=$(target/release/examples/throughput "$pages" "$rounds")

theirs=$("$venv/bin/python" - "$pages" "$rounds" <<'PY'
import gzip, os, sys, time
import trafilatura
import trafilatura.meta
folder, rounds = sys.argv[1], int(sys.argv[2])
pages = []
for name in sorted(os.listdir(folder)):
    path = os.path.join(folder, name)
    if name.endswith(".gz"):
        raw = gzip.open(path).read()
    elif name.endswith((".html", ".htm")):
        raw = open(path, "rb").read()
    else:
        continue
    pages.append(raw.decode("utf-8", "replace"))
for p in pages:  # warm-up: imports, lazily built tables
    trafilatura.extract(p)
# trafilatura memoizes work on repeated strings (dates, lines, URLs) in LRU caches, so a page it
# has seen before is extracted faster; a corpus is pages it has not seen. Its caches are
# therefore cleared before each timed round (outside the timing): every page is timed as new.
# Timed in CPU seconds (process_time), as ours is, so other work on a shared machine is not
# counted against either; wall time is printed too.
secs = wall = 0.0
for _ in range(rounds):
    trafilatura.meta.reset_caches()
    start, cpu = time.perf_counter(), time.process_time()
    for p in pages:
        trafilatura.extract(p)
    secs += time.process_time() - cpu
    wall += time.perf_counter() - start
# For reference, the same rounds with the caches left full from the previous round.
cpu = time.process_time()
for _ in range(rounds):
    for p in pages:
        trafilatura.extract(p)
warm = time.process_time() - cpu
n = len(pages) * rounds
print(f"trafilatura docs={len(pages)} rounds={rounds} seconds={secs:.3f} docs_per_s={n / secs:.1f} (CPU time, caches reset each round; wall {n / wall:.1f} docs/s; caches left warm {n / warm:.1f} docs/s)")
PY
)
echo "$ours"
echo "$theirs (trafilatura $traf_version)"
ours_rate=$(sed -E 's/.*docs_per_s=([0-9.]+).*/\1/' <<<"$ours")
their_rate=$(sed -E 's/.*docs_per_s=([0-9.]+).*/\1/' <<<"$theirs")
python3 -c "print(f'ratio: parallax is {float($ours_rate)/float($their_rate):.1f}x trafilatura (docs/s per core)')"
