# JVM options for short command-line runs; sourced by scripts/workbench and scripts/bench-foundation.
#
# Class-data sharing (CDS): a dynamic archive lists the classes one run loaded, already parsed and
# verified (lambda classes included); a later JVM given -XX:SharedArchiveFile maps them instead of
# loading them again. It is tied to the JVM build and the exact jar files: if either differs, the JVM
# quietly ignores it and loads classes as usual.
#
# Garbage collector: on a machine with one or two cores, the serial collector. G1 (the JVM's choice
# from two cores up) runs concurrent GC threads that compete with the pipeline's two threads and the
# JIT compiler for the same cores; measured on 2 cores, a 100,000-row run takes about 10% less wall
# time with the serial collector (titanic_tune and adult about 5%). With more cores the JVM's own
# choice stands.
#
# Heap sizing with the serial collector: by default it keeps 40% of the heap free after a full
# collection and gives the young generation a third of the heap, so a run whose live data peaks at
# 1 GB held 2.5 GB of memory. A young generation of at most 128 MB, growing the heap to keep only 10%
# free and returning memory above 20% free keep resident memory near the live data: on 1,000,000 rows
# with logistic regression the peak is 1.4 GB instead of 2.3 GB, for more collections (in one run
# on a busy machine, 14 s of pauses instead of 8 s).

# gc_options : the collector option for this machine, or nothing.
gc_options() {
  local cores
  cores="$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 4)"
  if [ "$cores" -le 2 ]; then
    echo "-XX:+UseSerialGC -XX:MaxNewSize=128m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20"
  fi
}

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
