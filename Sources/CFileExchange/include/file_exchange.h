#ifndef RECON_FILE_EXCHANGE_H
#define RECON_FILE_EXCHANGE_H

/// Atomically swaps two existing paths (renameat2 RENAME_EXCHANGE).
/// Returns 0, or -1 with errno set.
int recon_exchange_paths(const char *first, const char *second);

/// Starts writing back a file's dirty pages in [offset, offset + length) without
/// waiting (sync_file_range SYNC_FILE_RANGE_WRITE), so that a later fsync has
/// little left to do. Returns 0, or -1 with errno set.
int recon_start_writeback(int descriptor, long long offset, long long length);

#endif
