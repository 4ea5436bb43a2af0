#ifndef RECON_FILE_EXCHANGE_H
#define RECON_FILE_EXCHANGE_H

/// Atomically swaps two existing paths (renameat2 RENAME_EXCHANGE).
/// Returns 0, or -1 with errno set.
int recon_exchange_paths(const char *first, const char *second);

#endif
