#if __has_include(<csv.h>)
#include <csv.h>
#else
#error "libcsv headers not found: install libcsv-dev (apt-get install libcsv-dev)"
#endif
