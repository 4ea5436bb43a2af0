"""The fingerprint floor: the SHA-256 of every given file (SPEC §10 lists each input file's
`sha256` in summary.json), as many files at once as THREADS, largest first. A file's digest is
one sequential pass, so the largest file alone bounds it from below however many cores there
are. hashlib hands large buffers to OpenSSL (SHA-NI where the CPU has it) without the GIL, and
the files are mapped, not read, so no time goes to copying them: the most generous floor.

    python3 sha256_floor.py THREADS FILE...
"""
import hashlib
import mmap
import os
import sys
from concurrent.futures import ThreadPoolExecutor

BLOCK = 8 << 20


def digest(path):
    """Hashes the file mapped into memory, so that no time goes to copying it out of the page cache."""
    sha = hashlib.sha256()
    with open(path, "rb") as file:
        size = os.fstat(file.fileno()).st_size
        if size:
            with mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ) as mapped:
                mapped.madvise(mmap.MADV_SEQUENTIAL)
                with memoryview(mapped) as view:
                    for start in range(0, size, BLOCK):
                        sha.update(view[start:start + BLOCK])
    return sha.hexdigest()


def main():
    threads, paths = int(sys.argv[1]), sys.argv[2:]
    paths.sort(key=os.path.getsize, reverse=True)
    with ThreadPoolExecutor(max_workers=threads) as pool:
        for path, hexdigest in zip(paths, pool.map(digest, paths)):
            print(hexdigest, path)


if __name__ == "__main__":
    main()
