// Parse-only floor: every line of every given JSONL file parsed in full by simdjson (DOM,
// parse_many), on N threads, each taking a line-aligned share of every file. Each thread copies
// its share from the mapped file into one reused padded buffer, block by block (as the job reads
// into one reused buffer), so the floor holds no whole-file copy. Prints the documents parsed;
// does nothing else with them, so its time is the floor for any job that must read each field
// of each line.
//
//   simdjson_floor THREADS FILE...
#include <simdjson.h>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>
#include <vector>

static std::atomic<long long> documents{0};
static std::atomic<long long> errors{0};
static const size_t block_size = 8 << 20;

/// The end of the line that holds byte `at - 1` (just after its LF), or `size`.
static size_t line_end(const char *data, size_t size, size_t at) {
    while (at < size && at > 0 && data[at - 1] != '\n') at++;
    return at;
}

static void parse_part(const char *data, size_t length) {
    simdjson::dom::parser parser;
    std::vector<char> buffer(block_size + simdjson::SIMDJSON_PADDING);
    long long count = 0, bad = 0;
    size_t start = 0;
    while (start < length) {
        size_t end = line_end(data, length, start + block_size < length ? start + block_size : length);
        if (end - start > block_size) buffer.resize(end - start + simdjson::SIMDJSON_PADDING);
        std::memcpy(buffer.data(), data + start, end - start);
        simdjson::dom::document_stream stream;
        if (parser.parse_many(reinterpret_cast<const uint8_t *>(buffer.data()), end - start, 1 << 24).get(stream)) {
            bad++;
        } else {
            for (auto document : stream) {
                simdjson::dom::element element;
                if (document.get(element)) bad++; else count++;
            }
        }
        start = end;
    }
    documents += count;
    errors += bad;
}

int main(int argc, char **argv) {
    if (argc < 3) { std::fprintf(stderr, "usage: simdjson_floor THREADS FILE...\n"); return 2; }
    int threads = std::atoi(argv[1]);
    for (int index = 2; index < argc; index++) {
        int descriptor = open(argv[index], O_RDONLY);
        struct stat status;
        if (descriptor < 0 || fstat(descriptor, &status) != 0) { std::fprintf(stderr, "cannot read %s\n", argv[index]); return 1; }
        size_t size = (size_t)status.st_size;
        if (size == 0) { close(descriptor); continue; }
        void *mapped = mmap(nullptr, size, PROT_READ, MAP_PRIVATE, descriptor, 0);
        if (mapped == MAP_FAILED) { std::fprintf(stderr, "cannot map %s\n", argv[index]); return 1; }
        const char *data = static_cast<const char *>(mapped);
        std::vector<std::thread> workers;
        size_t start = 0;
        for (int part = 1; part <= threads; part++) {
            size_t end = part == threads ? size : line_end(data, size, size * part / threads);
            if (end > start) workers.emplace_back(parse_part, data + start, end - start);
            start = end;
        }
        for (auto &worker : workers) worker.join();
        munmap(mapped, size);
        close(descriptor);
    }
    std::printf("%lld documents, %lld errors\n", documents.load(), errors.load());
    return 0;
}
