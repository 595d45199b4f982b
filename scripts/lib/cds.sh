# Class-data sharing (CDS) archives for short JVM runs; sourced by scripts/workbench and
# scripts/bench-foundation. A dynamic archive lists the classes one run loaded, already parsed and
# verified (lambda classes included); a later JVM given -XX:SharedArchiveFile maps them instead of
# loading them again. It is tied to the JVM build and the exact jar files: if either differs, the JVM
# quietly ignores it and loads classes as usual.

# record_classes ARCHIVE JAVA_ARGS... : runs java JAVA_ARGS once and keeps the classes it loaded in
# ARCHIVE (written under a temporary name, then renamed). Returns non-zero, leaving no archive, if the run fails.
record_classes() {
  local archive="$1" tmp
  shift
  tmp="$(mktemp "${archive}.XXXXXX")"
  rm -f "$tmp"
  # the JVM's warnings about classes it cannot archive (e.g. Java 5 class files) are noise here
  if java -XX:ArchiveClassesAtExit="$tmp" "$@" >/dev/null 2>&1 && [ -s "$tmp" ]; then
    mv -f "$tmp" "$archive"
  else
    rm -f "$tmp"
    return 1
  fi
}

# record_workbench_classes JAR ARCHIVE ROOT : the classes of a small but complete run (iris with
# logistic regression, XGBoost compared by cross-validation, every output written).
record_workbench_classes() {
  local jar="$1" archive="$2" root="$3" out rc=0
  out="$(mktemp -d)"
  record_classes "$archive" -jar "$jar" run "$root/configs/iris.yaml" --set 'evaluate.compare=[xgboost]' \
    --out "$out" --quiet || rc=$?
  rm -rf "$out"
  return "$rc"
}
