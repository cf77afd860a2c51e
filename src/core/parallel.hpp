// Deterministic parallel loops: the index range is split into fixed chunks, each written
// by one thread, so results do not depend on the thread count.
#pragma once

#include <algorithm>
#include <cstddef>
#include <thread>
#include <vector>

namespace sw {

// Thread count to use: `requested` when > 0, else the hardware's.
inline unsigned resolveThreads(int requested) {
    if (requested > 0)
        return static_cast<unsigned>(requested);
    const unsigned hw = std::thread::hardware_concurrency();
    return hw == 0 ? 1 : hw;
}

// Calls fn(begin, end, chunk_index) for consecutive chunks of [0, n), on up to `threads`
// threads. Chunks are handed out in order; fn must only write to its own chunk's outputs.
template <typename Fn>
void parallelChunks(std::size_t n, std::size_t chunk, unsigned threads, Fn&& fn) {
    if (n == 0)
        return;
    chunk = std::max<std::size_t>(chunk, 1);
    const std::size_t chunks = (n + chunk - 1) / chunk;
    threads = static_cast<unsigned>(std::min<std::size_t>(threads, chunks));
    if (threads <= 1) {
        for (std::size_t c = 0; c < chunks; ++c)
            fn(c * chunk, std::min(n, (c + 1) * chunk), c);
        return;
    }
    std::vector<std::thread> pool;
    pool.reserve(threads);
    for (unsigned t = 0; t < threads; ++t) {
        pool.emplace_back([&, t] {
            for (std::size_t c = t; c < chunks; c += threads)
                fn(c * chunk, std::min(n, (c + 1) * chunk), c);
        });
    }
    for (auto& th : pool)
        th.join();
}

} // namespace sw
