// The JSONL line scanner and UTF-8 check of the export readers, in C for speed: a port of
// JSONLineScanner.swift and UTF8Validation.swift with the same grammar, order of checks and
// failure messages. The Swift versions stay as the reference; the tests and the jsonscan fuzz
// target compare both.
#include "json_line.h"
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

enum { KIND_STRING = 0, KIND_NUMBER = 1, KIND_OBJECT = 2, KIND_ARRAY = 3, KIND_TRUE = 4, KIND_FALSE = 5, KIND_NULL = 6 };
enum { MAXIMUM_DEPTH = 10000 };

typedef struct {
    const uint8_t *bytes;
    size_t count;
    /// The first failure met (later ones do not replace it).
    const char *failure;
} scanner;

typedef ptrdiff_t position;  // an index into the line, or -1 for a failure

static position fail(scanner *s, const char *message) {
    if (!s->failure) s->failure = message;
    return -1;
}

static inline size_t skip_space(const scanner *s, size_t index) {
    while (index < s->count) {
        uint8_t byte = s->bytes[index];
        if (byte != 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) break;
        index++;
    }
    return index;
}

static inline int is_hex(uint8_t byte) {
    return (byte >= '0' && byte <= '9') || (byte >= 'a' && byte <= 'f') || (byte >= 'A' && byte <= 'F');
}

/// The high bit of each of the eight bytes that is `"`, `\` or below 0x20; only the lowest is exact.
static inline uint64_t special_bytes(uint64_t word) {
    const uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    uint64_t quote = word ^ (ones * 0x22), backslash = word ^ (ones * 0x5C);
    return ((quote - ones) & ~quote & highs) | ((backslash - ones) & ~backslash & highs)
         | ((word - ones * 0x20) & ~word & highs);
}

/// The index of the first `"`, `\` or control byte at or after `index`, or `count`.
static inline size_t next_special(const uint8_t *bytes, size_t index, size_t count) {
#if defined(__SSE2__)
    const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\'), control = _mm_set1_epi8(0x1F);
    while (index + 16 <= count) {
        __m128i block = _mm_loadu_si128((const __m128i *)(bytes + index));
        __m128i hits = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(block, quote), _mm_cmpeq_epi8(block, backslash)),
                                    _mm_cmpeq_epi8(_mm_min_epu8(block, control), block));
        unsigned mask = (unsigned)_mm_movemask_epi8(hits);
        if (mask) return index + (size_t)__builtin_ctz(mask);
        index += 16;
    }
#endif
    while (index + 8 <= count) {
        uint64_t word;
        memcpy(&word, bytes + index, 8);
        uint64_t special = special_bytes(word);
        if (special) return index + ((size_t)__builtin_ctzll(special) >> 3);
        index += 8;
    }
    while (index < count) {
        uint8_t byte = bytes[index];
        if (byte == '"' || byte == '\\' || byte < 0x20) return index;
        index++;
    }
    return count;
}

/// A string starting at its quote: the index after the closing quote.
static position string_at(scanner *s, size_t start, int *escapes) {
    const uint8_t *bytes = s->bytes;
    size_t count = s->count;
    size_t index = start + 1;
    *escapes = 0;
    while (index < count) {
        index = next_special(bytes, index, count);
        if (index >= count) break;
        uint8_t byte = bytes[index];
        if (byte == '"') return (position)index + 1;
        if (byte < 0x20) return fail(s, "control character in a string");
        // A backslash.
        *escapes = 1;
        if (index + 1 >= count) break;
        switch (bytes[index + 1]) {
        case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
            index += 2;
            break;
        case 'u':
            if (!(index + 5 < count && is_hex(bytes[index + 2]) && is_hex(bytes[index + 3])
                  && is_hex(bytes[index + 4]) && is_hex(bytes[index + 5])))
                return fail(s, "bad \\u escape");
            index += 6;
            break;
        default:
            return fail(s, "bad escape");
        }
    }
    return fail(s, "string never closes");
}

/// The JSON number grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
static int valid_number(const uint8_t *text, size_t length) {
    size_t index = 0;
    if (index < length && text[index] == '-') index++;
    size_t integer_start = index;
    while (index < length && (uint8_t)(text[index] - '0') < 10) index++;
    if (index == integer_start) return 0;
    if (index - integer_start > 1 && text[integer_start] == '0') return 0;
    if (index < length && text[index] == '.') {
        size_t fraction_start = ++index;
        while (index < length && (uint8_t)(text[index] - '0') < 10) index++;
        if (index == fraction_start) return 0;
    }
    if (index < length && (text[index] | 0x20) == 'e') {
        index++;
        if (index < length && (text[index] == '+' || text[index] == '-')) index++;
        size_t exponent_start = index;
        while (index < length && (uint8_t)(text[index] - '0') < 10) index++;
        if (index == exponent_start) return 0;
    }
    return index == length;
}

static position number_at(scanner *s, size_t start) {
    size_t end = start;
    while (end < s->count) {
        uint8_t byte = s->bytes[end];
        if ((byte >= '0' && byte <= '9') || byte == '-' || byte == '+' || byte == '.' || byte == 'e' || byte == 'E') {
            end++;
        } else {
            break;
        }
    }
    return valid_number(s->bytes + start, end - start) ? (position)end : fail(s, "not a valid JSON value");
}

static position literal_at(scanner *s, const char *word, size_t length, size_t start) {
    if (start + length > s->count) return fail(s, "bad literal");
    if (memcmp(s->bytes + start, word, length) != 0) return fail(s, "bad literal");
    return (position)(start + length);
}

static position value_at(scanner *s, size_t start, uint8_t *kind, int *escapes);

/// `"key":` inside a nested object: the index after the colon.
static position key_at(scanner *s, size_t start) {
    if (!(start < s->count && s->bytes[start] == '"')) return fail(s, "expected a key");
    int escapes;
    position end = string_at(s, start, &escapes);
    if (end < 0) return -1;
    size_t colon = skip_space(s, (size_t)end);
    if (!(colon < s->count && s->bytes[colon] == ':')) return fail(s, "expected ':'");
    return (position)colon + 1;
}

/// An object or array, walked without recursion: the index after it.
static position container_at(scanner *s, size_t start) {
    uint8_t closers[MAXIMUM_DEPTH];
    size_t depth = 0;
    const uint8_t *bytes = s->bytes;
    size_t count = s->count;
    size_t index = start;
    int expect_value = 1;
    for (;;) {
        if (expect_value) {
            index = skip_space(s, index);
            if (index >= count) return fail(s, "value never closes");
            uint8_t byte = bytes[index];
            if (byte == '{' || byte == '[') {
                if (depth >= MAXIMUM_DEPTH) return fail(s, "nested too deeply");
                uint8_t closer = byte == '{' ? '}' : ']';
                closers[depth++] = closer;
                index = skip_space(s, index + 1);
                if (index < count && bytes[index] == closer) {
                    index++;
                    depth--;
                    if (depth == 0) return (position)index;
                    expect_value = 0;
                    continue;
                }
                if (closer == '}') {
                    position after_key = key_at(s, index);
                    if (after_key < 0) return -1;
                    index = (size_t)after_key;
                }
                continue;
            }
            uint8_t kind;
            int escapes;
            position end = value_at(s, index, &kind, &escapes);
            if (end < 0) return -1;
            index = (size_t)end;
            expect_value = 0;
        } else {
            index = skip_space(s, index);
            if (index >= count || depth == 0) return fail(s, "value never closes");
            uint8_t closer = closers[depth - 1];
            if (bytes[index] == closer) {
                index++;
                depth--;
                if (depth == 0) return (position)index;
            } else if (bytes[index] == ',') {
                index = skip_space(s, index + 1);
                if (closer == '}') {
                    position after_key = key_at(s, index);
                    if (after_key < 0) return -1;
                    index = (size_t)after_key;
                }
                expect_value = 1;
            } else {
                return fail(s, "expected ',' or a closing bracket");
            }
        }
    }
}

static position value_at(scanner *s, size_t start, uint8_t *kind, int *escapes) {
    *escapes = 0;
    if (start >= s->count) return fail(s, "expected a value");
    switch (s->bytes[start]) {
    case '"':
        *kind = KIND_STRING;
        return string_at(s, start, escapes);
    case '{':
        *kind = KIND_OBJECT;
        return container_at(s, start);
    case '[':
        *kind = KIND_ARRAY;
        return container_at(s, start);
    case 't':
        *kind = KIND_TRUE;
        return literal_at(s, "true", 4, start);
    case 'f':
        *kind = KIND_FALSE;
        return literal_at(s, "false", 5, start);
    case 'n':
        *kind = KIND_NULL;
        return literal_at(s, "null", 4, start);
    default:
        *kind = KIND_NUMBER;
        return number_at(s, start);
    }
}

/// The top-level object at `start` (its `{`); members past `capacity` are counted, not stored.
static position object_at(scanner *s, size_t start, recon_json_member *members, size_t capacity, size_t *found) {
    const uint8_t *bytes = s->bytes;
    size_t count = s->count;
    size_t index = skip_space(s, start + 1);
    *found = 0;
    if (index < count && bytes[index] == '}') return (position)index + 1;
    for (;;) {
        if (!(index < count && bytes[index] == '"')) return fail(s, "expected a key");
        size_t key_start = index;
        int key_escapes;
        position key_end = string_at(s, key_start, &key_escapes);
        if (key_end < 0) return -1;
        index = skip_space(s, (size_t)key_end);
        if (!(index < count && bytes[index] == ':')) return fail(s, "expected ':'");
        size_t value_start = skip_space(s, index + 1);
        uint8_t kind;
        int value_escapes;
        position value_end = value_at(s, value_start, &kind, &value_escapes);
        if (value_end < 0) return -1;
        if (*found < capacity) {
            recon_json_member *member = &members[*found];
            member->key_start = (int64_t)key_start + 1;
            member->key_end = (int64_t)key_end - 1;
            member->kind_code = kind;
            member->key_has_escapes = (uint8_t)key_escapes;
            member->value_has_escapes = (uint8_t)value_escapes;
            member->value_start = kind == KIND_STRING ? (int64_t)value_start + 1 : (int64_t)value_start;
            member->value_end = kind == KIND_STRING ? (int64_t)value_end - 1 : (int64_t)value_end;
        }
        ++*found;
        index = skip_space(s, (size_t)value_end);
        if (index >= count) return fail(s, "object never closes");
        if (bytes[index] == '}') return (position)index + 1;
        if (bytes[index] != ',') return fail(s, "expected ',' or '}'");
        index = skip_space(s, index + 1);
    }
}

int recon_json_line_scan(const uint8_t *bytes, size_t count, recon_json_member *members, size_t capacity,
                         size_t *member_count, const char **failure) {
    scanner s = { bytes, count, NULL };
    *member_count = 0;
    *failure = NULL;
    size_t start = skip_space(&s, 0);
    if (!(start < count && bytes[start] == '{')) {
        uint8_t kind;
        int escapes;
        position end = value_at(&s, start, &kind, &escapes);
        if (end >= 0 && skip_space(&s, (size_t)end) == count) return RECON_JSON_NOT_OBJECT;
        *failure = s.failure ? s.failure : "not a JSON value";
        return RECON_JSON_NOT_JSON;
    }
    size_t found;
    position end = object_at(&s, start, members, capacity, &found);
    if (end < 0) {
        *failure = s.failure ? s.failure : "malformed object";
        return RECON_JSON_NOT_JSON;
    }
    if (skip_space(&s, (size_t)end) != count) {
        *failure = "text after the object";
        return RECON_JSON_NOT_JSON;
    }
    *member_count = found;
    return found > capacity ? RECON_JSON_MORE_MEMBERS : RECON_JSON_OBJECT;
}

int recon_utf8_valid(const uint8_t *bytes, size_t count) {
    size_t index = 0;
    while (index < count) {
#if defined(__SSE2__)
        while (index + 16 <= count
               && _mm_movemask_epi8(_mm_loadu_si128((const __m128i *)(bytes + index))) == 0) {
            index += 16;
        }
#endif
        while (index + 8 <= count) {
            uint64_t word;
            memcpy(&word, bytes + index, 8);
            if (word & 0x8080808080808080ULL) break;
            index += 8;
        }
        if (index >= count) break;
        uint8_t lead = bytes[index];
        if (lead < 0x80) {
            index++;
            continue;
        }
        size_t length;
        uint8_t low = 0x80, high = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
        } else if (lead == 0xE0) {
            length = 3;
            low = 0xA0;
        } else if ((lead >= 0xE1 && lead <= 0xEC) || lead == 0xEE || lead == 0xEF) {
            length = 3;
        } else if (lead == 0xED) {
            length = 3;
            high = 0x9F;
        } else if (lead == 0xF0) {
            length = 4;
            low = 0x90;
        } else if (lead >= 0xF1 && lead <= 0xF3) {
            length = 4;
        } else if (lead == 0xF4) {
            length = 4;
            high = 0x8F;
        } else {
            return 0;
        }
        if (index + length > count) return 0;
        uint8_t second = bytes[index + 1];
        if (second < low || second > high) return 0;
        for (size_t offset = 2; offset < length; offset++) {
            if ((bytes[index + offset] & 0xC0) != 0x80) return 0;
        }
        index += length;
    }
    return 1;
}
