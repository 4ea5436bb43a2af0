// Parse-only floor: every line of every given JSONL file parsed in full by simdjson (DOM,
// parse_many), on N threads, each taking a line-aligned share of every file. Prints the
// documents parsed; does nothing else with them, so its time is the floor for any job that
// must read each field of each line.
//
//   simdjson_floor THREADS FILE...
#include <simdjson.h>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <vector>
#include <atomic>

static std::atomic<long long> documents{0};
static std::atomic<long long> errors{0};

static void parse_part(const char *data, size_t length) {
    simdjson::dom::parser parser;
    simdjson::padded_string text(data, length);
    simdjson::dom::document_stream stream;
    if (parser.parse_many(text, 1 << 24).get(stream)) { errors++; return; }
    long long count = 0, bad = 0;
    for (auto document : stream) {
        simdjson::dom::element element;
        if (document.get(element)) bad++; else count++;
    }
    documents += count;
    errors += bad;
}

int main(int argc, char **argv) {
    if (argc < 3) { std::fprintf(stderr, "usage: simdjson_floor THREADS FILE...\n"); return 2; }
    int threads = std::atoi(argv[1]);
    for (int index = 2; index < argc; index++) {
        simdjson::padded_string file;
        if (simdjson::padded_string::load(argv[index]).get(file)) { std::fprintf(stderr, "cannot read %s\n", argv[index]); return 1; }
        std::vector<std::thread> workers;
        size_t start = 0;
        for (int part = 1; part <= threads; part++) {
            size_t end = part == threads ? file.size() : file.size() * part / threads;
            while (end < file.size() && end > 0 && file.data()[end - 1] != '\n') end++;
            if (end > start) workers.emplace_back(parse_part, file.data() + start, end - start);
            start = end;
        }
        for (auto &worker : workers) worker.join();
    }
    std::printf("%lld documents, %lld errors\n", documents.load(), errors.load());
    return 0;
}
