#!/usr/bin/env bash
# Packs the published reference data that santegraph loads on first start into import/, from the copies in
# ../shared/data (or the folder given as $1). Deterministic: the same sources give the same bytes (gzip -n, a zip
# with fixed dates), so a re-run that changes nothing leaves git clean.
#
#   bash import/pack.sh [<data folder, default ../shared/data>]
#
# The sources, their editions and download addresses are in import/README.md and each folder's README.md; the
# service reads import/bundle.tsv (written here) to know what it has and which edition.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
data="$(cd "${1:-$here/../../shared/data}" && pwd)"

# Editions of what is packed; change them with the files.
COG_EDITION=2024                 # Etalab decoupage-administratif 4.1.0 = COG 2024
DREES_EDITION=2019-11
ETALAB_EDITION=2014-05-06
SNDS_EDITION=unversioned

gz() { # <source file> <target folder>
    [[ -f "$1" ]] || { echo "pack.sh: missing $1" >&2; exit 1; }
    gzip -9 -n -c "$1" > "$2/$(basename "$1").gz"
}

cog="$data/territories/decoupage-administratif-4.1.0"
mkdir -p "$here/territories"
rm -f "$here"/territories/*.gz
for f in regions departements communes epci; do gz "$cog/$f.json" "$here/territories"; done
gz "$data/territories/laposte_hexasmal_2024.csv" "$here/territories"
gz "$data/territories/laposte_hexasmal_with_gps_2020.csv" "$here/territories"
install -m 644 "$cog/LICENSE" "$here/territories/LICENSE-decoupage-administratif"

drees="$data/catalogue/drees-indicateurs"
mkdir -p "$here/drees-indicateurs"
rm -f "$here"/drees-indicateurs/*.gz
for f in index_indicateurs_$DREES_EDITION.csv tags_indicateurs_$DREES_EDITION.csv classif_tags.csv producteurs.csv; do
    gz "$drees/$f" "$here/drees-indicateurs"
done

etalab="$data/catalogue/etalab-2014"
mkdir -p "$here/etalab-2014"
rm -f "$here"/etalab-2014/*.gz
for f in cartographie_france.csv typologie.csv acronymes_gestionnaires.csv criteres_ouverture.csv; do
    gz "$etalab/$f" "$here/etalab-2014"
done

snds="$data/snds/schema-snds"
mkdir -p "$here/snds-schemas"
# The 186 Table Schema files as one zip (their folders kept), without the 32 MB of nomenclatures.
python3 - "$snds/schemas" "$here/snds-schemas/schemas.zip" <<'PY'
import os, sys, zipfile
root, target = sys.argv[1], sys.argv[2]
files = sorted(os.path.relpath(os.path.join(d, f), root)
               for d, _, names in os.walk(root) for f in names if f.endswith(".json"))
with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    for name in files:
        info = zipfile.ZipInfo("schemas/" + name.replace(os.sep, "/"), date_time=(1980, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        with open(os.path.join(root, name), "rb") as f:
            z.writestr(info, f.read(), compresslevel=9)
PY
install -m 644 "$snds/LICENSE" "$here/snds-schemas/LICENSE"

# What the service loads, in this order (a source may need the ones above it), and the edition of each.
cat > "$here/bundle.tsv" <<TSV
# source	folder	edition	what (written by import/pack.sh; the service loads the sources in this order)
catalogue	catalogue	santegraph	the project's producers, datasets, data services, distributions and indicators
territories	territories	$COG_EDITION	COG $COG_EDITION (Etalab decoupage-administratif 4.1.0) and La Poste postal codes
etalab-2014	etalab-2014	$ETALAB_EDITION	Etalab's cartography of public health data (6 May 2014)
drees-indicators	drees-indicateurs	$DREES_EDITION	DREES index of health indicators (November 2019)
snds-schemas	snds-schemas	$SNDS_EDITION	SNDS table schemas (Health Data Hub, schema-snds)
TSV
du -ch "$here"/*/*.gz "$here"/*/*.zip | tail -1 | sed 's/total/compressed, in all/'
