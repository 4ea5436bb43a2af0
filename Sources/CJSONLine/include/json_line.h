#ifndef RECON_JSON_LINE_H
#define RECON_JSON_LINE_H

#include <stddef.h>
#include <stdint.h>

/// A member of a line's top-level object: where its key and value are in the line.
/// Offsets are byte positions in the line; `kind_code` is a `JSONKind` raw value.
typedef struct {
    /// The key's bytes between the quotes.
    int64_t key_start, key_end;
    /// For strings, the bytes between the quotes; otherwise the whole value.
    int64_t value_start, value_end;
    uint8_t kind_code;
    uint8_t key_has_escapes;
    uint8_t value_has_escapes;
} recon_json_member;

/// What `recon_json_line_scan` found.
enum {
    /// A JSON object: its members are in `members`.
    RECON_JSON_OBJECT = 0,
    /// Valid JSON, but not an object.
    RECON_JSON_NOT_OBJECT = 1,
    /// Not JSON: `*failure` says why.
    RECON_JSON_NOT_JSON = 2,
    /// A JSON object with more members than `capacity`: `*member_count` is how many it has.
    RECON_JSON_MORE_MEMBERS = 3,
};

/// Scans one JSONL line with the grammar, checks and messages of the scanner written in
/// Swift (`JSONLineScanner`): validates the whole line (nested values included, without
/// recursion, at most 10,000 levels deep) and records the top-level members in order.
/// UTF-8 is not checked here.
int recon_json_line_scan(const uint8_t *bytes, size_t count, recon_json_member *members, size_t capacity,
                         size_t *member_count, const char **failure);

/// Strict UTF-8 validation (no overlongs, no surrogates, at most U+10FFFF): 1 when valid.
int recon_utf8_valid(const uint8_t *bytes, size_t count);

#endif
