# Sourced by the benchmark scripts. territory_dir SHARED: prints a new temporary folder laid out as
# `import territories --dir` expects it (COG JSON files and both La Poste files), symlinked from SHARED/data/territories.
territory_dir() {
  local shared=$1 dir f
  dir=$(mktemp -d)
  for f in regions departements communes epci; do
    ln -s "$(realpath "$shared/data/territories/decoupage-administratif-4.1.0/$f.json")" "$dir/"
  done
  ln -s "$(realpath "$shared/data/territories/laposte_hexasmal_2024.csv")" "$dir/"
  ln -s "$(realpath "$shared/data/territories/laposte_hexasmal_with_gps_2020.csv")" "$dir/"
  echo "$dir"
}
