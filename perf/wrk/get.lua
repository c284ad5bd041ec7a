-- An authenticated GET of the URL given to wrk.
dofile(os.getenv("PERF_WRK_DIR") .. "/report.lua")
