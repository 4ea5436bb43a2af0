// Scanner floor: every line of every given JSONL file checked by the job's own C scanner
// (Sources/CJSONLine: UTF-8 check, then the JSON scan that records the top-level members), on
// N threads, each taking a line-aligned share of every file and copying it block by block into
// one reused buffer, as Benchmarks/Floors/simdjson_floor.cpp does. Nothing is done with the
// members, so its time set beside simdjson's says how the job's scanner compares with a
// maintained SIMD parser on the same lines.
//
//   scanner_floor THREADS FILE...
#include "json_line.h"
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

static atomic_llong objects, failures;
enum { block_size = 8 << 20, member_capacity = 256 };

typedef struct {
    const uint8_t *data;
    size_t length;
} share;

/// The end of the line that holds byte `at - 1` (just after its LF), or `size`.
static size_t line_end(const uint8_t *data, size_t size, size_t at) {
    while (at < size && at > 0 && data[at - 1] != '\n') at++;
    return at;
}

static void *scan_share(void *argument) {
    const share *part = argument;
    size_t capacity = block_size;
    uint8_t *buffer = malloc(capacity);
    recon_json_member members[member_capacity];
    long long count = 0, bad = 0;
    size_t start = 0;
    while (start < part->length) {
        size_t limit = start + block_size < part->length ? start + block_size : part->length;
        size_t end = line_end(part->data, part->length, limit);
        if (end - start > capacity) buffer = realloc(buffer, capacity = end - start);
        memcpy(buffer, part->data + start, end - start);
        size_t line = 0;
        while (line < end - start) {
            const uint8_t *newline = memchr(buffer + line, '\n', end - start - line);
            size_t stop = newline ? (size_t)(newline - buffer) : end - start;
            size_t found;
            const char *failure;
            if (recon_utf8_valid(buffer + line, stop - line)
                && recon_json_line_scan(buffer + line, stop - line, members, member_capacity, &found, &failure)
                       == RECON_JSON_OBJECT) {
                count++;
            } else {
                bad++;
            }
            line = stop + 1;
        }
        start = end;
    }
    free(buffer);
    atomic_fetch_add(&objects, count);
    atomic_fetch_add(&failures, bad);
    return NULL;
}

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: scanner_floor THREADS FILE...\n");
        return 2;
    }
    int threads = atoi(argv[1]);
    if (threads < 1 || threads > 64) {
        fprintf(stderr, "THREADS must be 1 to 64\n");
        return 2;
    }
    for (int index = 2; index < argc; index++) {
        int descriptor = open(argv[index], O_RDONLY);
        struct stat status;
        if (descriptor < 0 || fstat(descriptor, &status) != 0) {
            fprintf(stderr, "cannot read %s\n", argv[index]);
            return 1;
        }
        size_t size = (size_t)status.st_size;
        if (size == 0) {
            close(descriptor);
            continue;
        }
        const uint8_t *data = mmap(NULL, size, PROT_READ, MAP_PRIVATE, descriptor, 0);
        if (data == MAP_FAILED) {
            fprintf(stderr, "cannot map %s\n", argv[index]);
            return 1;
        }
        pthread_t workers[64];
        share shares[64];
        int started = 0;
        size_t start = 0;
        for (int part = 1; part <= threads; part++) {
            size_t end = part == threads ? size : line_end(data, size, size * part / threads);
            if (end > start) {
                shares[started] = (share){ data + start, end - start };
                pthread_create(&workers[started], NULL, scan_share, &shares[started]);
                started++;
            }
            start = end;
        }
        for (int worker = 0; worker < started; worker++) pthread_join(workers[worker], NULL);
        munmap((void *)data, size);
        close(descriptor);
    }
    printf("%lld objects, %lld not objects or not JSON\n", atomic_load(&objects), atomic_load(&failures));
    return 0;
}
