#!/usr/bin/env bash
# HTML → main text, Parallax vs trafilatura, on the same pages in one run, single-threaded (so
# docs/s is per core). Installs trafilatura from PyPI into a throwaway virtualenv.
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
for p in pages:  # warm-up
    trafilatura.extract(p)
start = time.perf_counter()
for _ in range(rounds):
    for p in pages:
        trafilatura.extract(p)
secs = time.perf_counter() - start
n = len(pages) * rounds
print(f"trafilatura docs={len(pages)} rounds={rounds} seconds={secs:.3f} docs_per_s={n / secs:.1f}")
PY
)
echo "$ours"
echo "$theirs (trafilatura $traf_version)"
ours_rate=$(sed -E 's/.*docs_per_s=([0-9.]+).*/\1/' <<<"$ours")
their_rate=$(sed -E 's/.*docs_per_s=([0-9.]+).*/\1/' <<<"$theirs")
python3 -c "print(f'ratio: parallax is {float($ours_rate)/float($their_rate):.1f}x trafilatura (docs/s per core)')"
