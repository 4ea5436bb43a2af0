#if __has_include(<zlib.h>)
#include <zlib.h>
/* inflateInit2 is a macro; Swift cannot call macros with arguments. */
static inline int recon_inflate_init(z_stream *stream) {
    return inflateInit2(stream, 15 + 32);
}
#else
#error "zlib headers not found: install zlib1g-dev (apt-get install zlib1g-dev)"
#endif
