#!/usr/bin/env bash
# Makes the press PDF's default output profile (issue 13), resources/icc/EditionDesk-FOGRA29-TAC240.icc:
# ArgyllCMS colprof (Debian: argyll) from FOGRA29L.ti3 (Debian: icc-profiles-free; FOGRA's
# characterisation of ISO 12647-2 paper type 4, white uncoated; zlib licence, so the profile
# may ship), with the total ink limit newsprint asks for. Usage: make-press-profile.sh [LIMIT] [OUT]
set -euo pipefail
limit="${1:-240}"
out="${2:-$(dirname "$0")/../resources/icc/EditionDesk-FOGRA29-TAC${limit}.icc}"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
cp /usr/share/color/icc/FOGRA29L.ti3 "$work/"
# -qm medium quality, -kr black generation ramp, -l total ink limit (%), -L black ink limit.
colprof -qm -kr -l "$limit" -L 100 -D "Edition Desk newsprint stand-in: FOGRA29 uncoated, TAC ${limit}%" \
  -C "Made with ArgyllCMS colprof from FOGRA29L.ti3 (icc-profiles-free, zlib licence)" -O "$work/out.icc" "$work/FOGRA29L" >/dev/null
mkdir -p "$(dirname "$out")"; mv "$work/out.icc" "$out"
echo "$out"
