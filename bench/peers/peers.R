# R peers of likertkit's peer benchmark (bench/peers/run.ts starts this script).
#
#   Rscript bench/peers/peers.R --data DIR --cases correlate,read --repeats 5 --threads 1 --out FILE
#
# Reads the files written by bench/peers/generate.ts and times each case inside this process
# (start-up and loading the code matrix excluded for correlate; the read case includes reading
# the CSV file). Writes the timings as JSON to FILE and the correlation matrices beside it as
# little-endian doubles, for the runner to compare with likertkit's.
#
# correlate: cor(x, use = "pairwise.complete.obs") and, when psych is installed,
#   psych::corr.test(x) (r, N, t, p and intervals), on the n x items matrix of codes 1-4 with NA
#   for blank cells and "Ved ikke".
# read: data.table::fread of the CSV, then match() of each item's labels to the codes 1-4
#   ("Ved ikke" 5, blank NA) for every item column: CSV text to a coded survey.

suppressPackageStartupMessages(library(data.table))

args <- commandArgs(trailingOnly = TRUE)
option <- function(name, default = NULL) {
  at <- match(paste0("--", name), args)
  if (is.na(at)) default else args[[at + 1]]
}
data_dir <- option("data")
cases <- strsplit(option("cases", "correlate,read"), ",")[[1]]
repeats <- as.integer(option("repeats", "5"))
threads <- as.integer(option("threads", "1"))
out_file <- option("out")
base <- sub("\\.json$", "", out_file)
setDTthreads(threads)

meta_lines <- readLines(file.path(data_dir, "meta.json"), warn = FALSE)
meta_number <- function(key) {
  line <- grep(paste0('"', key, '":'), meta_lines, value = TRUE)[[1]]
  as.numeric(sub(".*: *([0-9]+).*", "\\1", line))
}
n <- meta_number("respondents")
items <- meta_number("items")
item_ids <- paste0("q", seq_len(items))
labels <- c("Slet ikke", "I mindre grad", "I høj grad", "I meget høj grad", "Ved ikke")

# The median of `repeats` timed runs after one warm-up run; also returns the last result.
median_time <- function(fn) {
  result <- fn()
  runs <- numeric(repeats)
  for (k in seq_len(repeats)) {
    start <- proc.time()[["elapsed"]]
    result <- fn()
    runs[[k]] <- proc.time()[["elapsed"]] - start
  }
  list(seconds = median(runs), result = result)
}

codes <- readBin(file.path(data_dir, "codes.i8"), what = "integer", size = 1, signed = TRUE, n = n * items)
codes <- matrix(codes, nrow = n, ncol = items, dimnames = list(NULL, item_ids))

entries <- character(0)
add <- function(name, fields) {
  entries[[length(entries) + 1]] <<- sprintf('"%s": {%s}', name, paste(sprintf('"%s": %s', names(fields), fields), collapse = ", "))
}

if ("correlate" %in% cases) {
  x <- codes
  storage.mode(x) <- "double"
  x[x < 1 | x > 4] <- NA
  timed <- median_time(function() cor(x, use = "pairwise.complete.obs"))
  writeBin(as.vector(timed$result), paste0(base, ".cor-r.f64"), size = 8, endian = "little")
  add("cor", list(seconds = sprintf("%.6f", timed$seconds)))
  if (requireNamespace("psych", quietly = TRUE)) {
    timed <- median_time(function() psych::corr.test(x))
    writeBin(as.vector(timed$result$r), paste0(base, ".corrtest-r.f64"), size = 8, endian = "little")
    add("corr.test", list(seconds = sprintf("%.6f", timed$seconds)))
  } else {
    add("corr.test", list(skipped = '"psych is not installed"'))
  }
}

if ("read" %in% cases) {
  csv <- file.path(data_dir, "survey.csv")
  read_coded <- function() {
    table <- fread(csv, encoding = "UTF-8", na.strings = "", showProgress = FALSE)
    coded <- lapply(item_ids, function(id) match(table[[id]], labels))
    names(coded) <- item_ids
    list(table = table, coded = coded)
  }
  timed <- median_time(read_coded)
  # The coded columns must be the generator's codes (blank 0 read as NA).
  expected <- codes
  expected[expected == 0] <- NA
  agree <- all(vapply(seq_len(items), function(j) identical(timed$result$coded[[j]], as.integer(expected[, j])), logical(1)))
  add("fread+match", list(seconds = sprintf("%.6f", timed$seconds), agree = if (agree) "true" else "false"))
}

versions <- sprintf('{"R": "%s", "data.table": "%s", "psych": %s}', paste(R.version$major, R.version$minor, sep = "."),
  as.character(packageVersion("data.table")),
  if (requireNamespace("psych", quietly = TRUE)) sprintf('"%s"', as.character(packageVersion("psych"))) else "null")
json <- sprintf('{"peer": "R", "versions": %s, "threads": %d, "respondents": %d, "items": %d, "cases": {%s}}',
  versions, getDTthreads(), n, items, paste(entries, collapse = ", "))
writeLines(json, out_file)
