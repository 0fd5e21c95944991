#!/usr/bin/env bash
# End-to-end: the board pack in a real browser. On a fresh database (the demo builds itself),
# pop writes the January 2019 pack and its slides and prints the pack to PDF with headless
# Chromium; poppler reads the PDF back: a cover and a page per service, every service's title,
# the published figures, the running footer, no child ID from the demo extract. A 1600×1000
# screenshot of the first page is not blank, the slides print one per page, and their script
# runs under their Content-Security-Policy. Run by .ci/run after the tmux end-to-end test.
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=${POP_BIN:-.build/debug/pop}
started=$SECONDS

chromium=$(command -v chromium || command -v chromium-browser || true)
if [[ -z "$chromium" ]]; then
  # .ci/run installs Chromium; this is reached only where it could not be installed.
  echo "e2e: SKIPPED the board pack in a real browser: no chromium or chromium-browser on PATH and it could not be installed (apt-get install chromium poppler-utils)" >&2
  exit 0
fi
for tool in pdftotext pdfinfo python3; do
  command -v "$tool" >/dev/null || { echo "e2e: $tool is missing (apt-get install poppler-utils python3)" >&2; exit 1; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export POP_DB="$work/pop.sqlite"
fail() { echo "e2e: pack: $*" >&2; exit 1; }

"$bin" pack --month 2019-01 --out "$work/pack.html" --slides "$work/slides.html" --pdf "$work/pack.pdf" >"$work/out" 2>"$work/err" \
  || fail "pop pack exited $?: $(cat "$work/err")"
for f in pack.html slides.html pack.pdf; do
  [[ "$(stat -c %a "$work/$f")" == 600 ]] || fail "$f is not 0600"
done

pages=$(pdfinfo "$work/pack.pdf" | sed -n 's/^Pages: *//p')
[[ "$pages" -ge 12 ]] || fail "the PDF has $pages pages: a cover and a page per service need 12 or more"
pdftotext -layout "$work/pack.pdf" "$work/pack.txt"

# The first page of the pack, as a board member's screen shows it.
"$chromium" --headless --no-sandbox --disable-gpu --user-data-dir="$work/profile" --hide-scrollbars \
  --screenshot="$work/cover.png" --window-size=1600,1000 "file://$work/pack.html" >/dev/null 2>&1 || fail "the screenshot failed"
# The slides: their script has run (it marks the body as a deck) and each prints on its own page.
"$chromium" --headless --no-sandbox --disable-gpu --user-data-dir="$work/profile" \
  --dump-dom "file://$work/slides.html" >"$work/slides-dom.html" 2>/dev/null || fail "the slides could not be opened"
"$chromium" --headless --no-sandbox --disable-gpu --user-data-dir="$work/profile" --no-pdf-header-footer \
  --print-to-pdf="$work/slides.pdf" "file://$work/slides.html" >/dev/null 2>&1 || fail "the slides could not be printed"
slide_pages=$(pdfinfo "$work/slides.pdf" | sed -n 's/^Pages: *//p')

"$bin" indicators | sed -n 's/^## //p' >"$work/services"

python3 - "$work" "$pages" "$slide_pages" Fixtures/demo/2019-01 <<'PY'
import csv, glob, os, re, struct, sys, zlib

work, pages, slide_pages, extract = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
problems = []
text = open(os.path.join(work, "pack.txt"), encoding="utf-8").read()
sheets = text.split("\f")
services = [s for s in open(os.path.join(work, "services"), encoding="utf-8").read().splitlines() if s]
if len(services) != 11:
    problems.append(f"pop indicators names {len(services)} services, not 11")

# A page per service, headed by its title (the heading prints in capitals), after the cover.
first_page = {}
for title in services:
    # The page's heading line names the council and the service (the cover's tables name
    # services too, and "UASC" reads the same in capitals).
    heads = [i for i, page in enumerate(sheets)
             if any("BARNET" in line and title.upper() in line for line in page.splitlines()) and "PERFORMANCE ON A PAGE" in page.upper()]
    if not heads:
        problems.append(f"no page is headed {title}")
    else:
        first_page[title] = heads[0]
if len(set(first_page.values())) != len(first_page):
    problems.append(f"two services share a first page: {first_page}")
if 0 in first_page.values():
    problems.append("a service starts on the cover")
if "Performance on a page" not in sheets[0] or "January 2019" not in sheets[0] or "DEMO DATA" not in sheets[0]:
    problems.append("the cover lacks its title, month or DEMO DATA")

# The published January figures on the child protection pages.
cp = next((t for t in services if t.lower() == "child protection"), None)
if cp in first_page:
    following = sorted(p for p in first_page.values() if p > first_page[cp])
    cp_text = "".join(sheets[first_page[cp]:following[0] if following else len(sheets)])
    for figure in ["159", "71.1%", "(25.2%)", "113 of 159"]:
        if figure not in cp_text:
            problems.append(f"the child protection pages lack {figure}")
# The running footer: council, month, page n of N.
if not re.search(rf"Barnet · January 2019.*page 1 of {pages}\b", sheets[0]):
    problems.append("the first page lacks its running footer (Barnet · January 2019 … page 1 of N)")
if f"page {pages} of {pages}" not in text:
    problems.append("the last page lacks 'page N of N'")

# No child ID from the demo extract anywhere: PDF text, pack and slides.
ids = set()
for path in glob.glob(os.path.join(extract, "*.csv")):
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row.get("Child Unique ID"):
                ids.add(row["Child Unique ID"])
if len(ids) < 1000:
    problems.append(f"only {len(ids)} child IDs read from {extract}")
for name in ["pack.txt", "pack.html", "slides.html"]:
    words = set(re.findall(r"[A-Za-z0-9]+", open(os.path.join(work, name), encoding="utf-8").read()))
    leaked = sorted(words & ids)
    if leaked:
        problems.append(f"{name} holds child IDs: {leaked[:5]}")

# The screenshot: a 1600×1000 PNG that is not blank (text, fills and rules in several colours).
png = open(os.path.join(work, "cover.png"), "rb").read()
if not png.startswith(b"\x89PNG\r\n\x1a\n"):
    problems.append("the screenshot is not a PNG")
else:
    pos, idat, header = 8, b"", None
    while pos < len(png):
        length, kind = struct.unpack(">I4s", png[pos:pos + 8])
        body = png[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour = header[:4]
    channels = {2: 3, 6: 4}.get(colour)
    if (width, height) != (1600, 1000) or depth != 8 or channels is None:
        problems.append(f"the screenshot is {width}×{height}, depth {depth}, colour type {colour}")
    else:
        raw, stride, previous, colours = zlib.decompress(idat), width * channels, bytearray(width * channels), set()
        for y in range(400):   # the top 400 rows (title, month, basis, key): enough, and quick in pure Python
            kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
            for i in range(stride):
                left = line[i - channels] if i >= channels else 0
                up, corner = previous[i], previous[i - channels] if i >= channels else 0
                if kind == 1: line[i] = (line[i] + left) & 255
                elif kind == 2: line[i] = (line[i] + up) & 255
                elif kind == 3: line[i] = (line[i] + (left + up) // 2) & 255
                elif kind == 4:
                    p = left + up - corner
                    pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                    line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
            previous = line
            if y % 4 == 0:
                colours.update(bytes(line[x:x + 3]) for x in range(0, stride, channels * 2))
        dark = sum(1 for c in colours if max(c) < 80)
        if len(png) < 20_000 or len(colours) < 8 or dark == 0:
            problems.append(f"the screenshot looks blank: {len(png)} bytes, {len(colours)} colours, {dark} dark")

# The slides: their script ran under their policy, and printed one slide a page.
dom = open(os.path.join(work, "slides-dom.html"), encoding="utf-8").read()
if '<body class="deck">' not in dom:
    problems.append("the slides' script did not run (their policy names its hash)")
slides = open(os.path.join(work, "slides.html"), encoding="utf-8").read().count('<section class="slide"')
if slides < 8 or slide_pages != slides:
    problems.append(f"{slides} slides printed on {slide_pages} pages")

if problems:
    print("e2e: pack: " + "\ne2e: pack: ".join(problems), file=sys.stderr)
    sys.exit(1)
PY

echo "e2e: board pack in Chromium passed ($pages PDF pages, $slide_pages slides, $((SECONDS - started)) s)"
