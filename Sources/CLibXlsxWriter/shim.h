#if __has_include(<xlsxwriter.h>)
#include <xlsxwriter.h>
#else
#error "libxlsxwriter headers not found: install libxlsxwriter-dev (apt-get install libxlsxwriter-dev)"
#endif
