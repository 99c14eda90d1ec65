//! The browser build's memory allocator: power-of-two blocks, one free list per size.
//!
//! A block's size is its request rounded up to a power of two (at least 8 bytes), so a freed
//! block goes back on its size's list, found again from the `Layout` Rust passes to `dealloc`:
//! no headers, no splitting or merging, a handful of instructions per call and a few hundred
//! bytes of code (a general-purpose allocator costs the page a kilobyte or more). The price is
//! memory: up to half of a block unused, and freed blocks reused only by requests of their own
//! size, which suits a quiz (the same few shapes of strings and vectors, drawn over and over).
//!
//! Blocks up to [`CHUNK`] bytes are cut from chunks of that size, each cut wholly into blocks of
//! one size; larger blocks are taken whole. Chunks and large blocks come from a region that only
//! grows, fed by [`Pages`] (on the page, `memory.grow`), so every block lies at a multiple of its
//! size or of `CHUNK`, which is all the alignment Rust asks for up to `CHUNK`.

use std::alloc::Layout;
use std::ptr;

/// The size of the chunks small blocks are cut from, and the largest alignment served.
pub(crate) const CHUNK: usize = 4096;
/// The size of a WebAssembly memory page, the unit [`Pages`] hands out.
pub(crate) const PAGE: usize = 65_536;
/// The smallest block, as a power of two: 8 bytes, room for a free list's link on any target.
const SMALLEST: u32 = 3;
/// One free list per power of two a `usize` can hold.
const SIZES: usize = usize::BITS as usize;

/// Where fresh memory comes from.
pub(crate) trait Pages {
    /// Adds `count` pages of zeroed memory and returns the address of the first, or `None` when
    /// no more can be had. Successive calls may return adjacent ranges, but need not.
    fn grow(&mut self, count: usize) -> Option<usize>;
}

/// The allocator's state: the free lists, and the unused end of the growing region.
pub(crate) struct Heap<P> {
    pages: P,
    /// The first free block of each size (by its power of two), each holding the next one's
    /// address in its first bytes.
    free: [*mut u8; SIZES],
    /// The unused part of the region, `next..end`; both are multiples of `CHUNK`.
    next: usize,
    end: usize,
}

/// The power of two of the block that serves `layout`, or `None` if no block can.
fn size_class(layout: Layout) -> Option<usize> {
    if layout.align() > CHUNK {
        return None;
    }
    let size = layout.size().max(layout.align()).checked_next_power_of_two()?;
    Some(size.trailing_zeros().max(SMALLEST) as usize)
}

impl<P: Pages> Heap<P> {
    /// An empty heap that will take its memory from `pages`.
    pub(crate) const fn new(pages: P) -> Heap<P> {
        Heap {
            pages,
            free: [ptr::null_mut(); SIZES],
            next: 0,
            end: 0,
        }
    }

    /// A block for `layout`, or null when memory has run out (`GlobalAlloc::alloc`).
    ///
    /// # Safety
    /// As `GlobalAlloc::alloc`: `layout` has a non-zero size.
    pub(crate) unsafe fn alloc(&mut self, layout: Layout) -> *mut u8 {
        let Some(class) = size_class(layout) else {
            return ptr::null_mut();
        };
        let head = self.free[class];
        if !head.is_null() {
            // SAFETY: a free block holds the address of the next free block of its size.
            self.free[class] = unsafe { head.cast::<*mut u8>().read() };
            return head;
        }
        let size = 1 << class;
        let Some(start) = self.take(size.max(CHUNK)) else {
            return ptr::null_mut();
        };
        // A fresh chunk of small blocks: the first serves this call, the rest wait on the list.
        let mut block = start + CHUNK;
        while block > start + size {
            block -= size;
            // SAFETY: the block lies in the chunk just taken, which nothing else uses.
            unsafe { self.release(block as *mut u8, class) };
        }
        start as *mut u8
    }

    /// Gives back the block at `block`, allocated for `layout` (`GlobalAlloc::dealloc`).
    ///
    /// # Safety
    /// As `GlobalAlloc::dealloc`: `block` came from this heap for `layout` and is not used again.
    pub(crate) unsafe fn dealloc(&mut self, block: *mut u8, layout: Layout) {
        if let Some(class) = size_class(layout) {
            // SAFETY: the caller gives up the block, which has room for a link.
            unsafe { self.release(block, class) };
        }
    }

    /// Resizes the block at `block`, allocated for `layout`, to `new_size` bytes: in place when
    /// both sizes round to the same block, else by moving it (`GlobalAlloc::realloc`).
    ///
    /// # Safety
    /// As `GlobalAlloc::realloc`.
    pub(crate) unsafe fn realloc(&mut self, block: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let Ok(new_layout) = Layout::from_size_align(new_size, layout.align()) else {
            return ptr::null_mut();
        };
        if size_class(new_layout) == size_class(layout) {
            return block;
        }
        // SAFETY: as the caller promised; the new block is fresh, so the two don't overlap.
        unsafe {
            let moved = self.alloc(new_layout);
            if !moved.is_null() {
                ptr::copy_nonoverlapping(block, moved, layout.size().min(new_size));
                self.dealloc(block, layout);
            }
            moved
        }
    }

    /// Puts `block` on the free list of its size.
    ///
    /// # Safety
    /// `block` is a block of `1 << class` bytes that nothing uses.
    unsafe fn release(&mut self, block: *mut u8, class: usize) {
        // SAFETY: the block is unused and at least 8 bytes, aligned to at least 8.
        unsafe { block.cast::<*mut u8>().write(self.free[class]) };
        self.free[class] = block;
    }

    /// Takes `bytes` (a multiple of `CHUNK`) from the region, growing it when it is short.
    fn take(&mut self, bytes: usize) -> Option<usize> {
        if self.end - self.next < bytes {
            let count = bytes.div_ceil(PAGE);
            let start = self.pages.grow(count)?;
            // Memory that does not follow the region starts a new one; the old end is given up.
            if start != self.end {
                self.next = start;
            }
            self.end = start + count * PAGE;
        }
        let start = self.next;
        self.next += bytes;
        Some(start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Pages from a buffer of the test's own, which may refuse to grow past a limit or leave
    /// a gap between growths.
    struct Buffer {
        memory: Vec<u8>,
        used: usize,
        gap: usize,
    }

    impl Buffer {
        fn new(pages: usize) -> Buffer {
            // One page more, so that the first page can start on a page boundary.
            Buffer {
                memory: vec![0; (pages + 1) * PAGE],
                used: 0,
                gap: 0,
            }
        }
    }

    impl Pages for Buffer {
        fn grow(&mut self, count: usize) -> Option<usize> {
            let base = (self.memory.as_ptr() as usize).next_multiple_of(PAGE);
            let start = self.used + self.gap;
            if base + (start + count) * PAGE > self.memory.as_ptr() as usize + self.memory.len() {
                return None;
            }
            self.used = start + count;
            Some(base + start * PAGE)
        }
    }

    fn layout(size: usize, align: usize) -> Layout {
        Layout::from_size_align(size, align).unwrap()
    }

    #[test]
    fn a_block_is_its_request_rounded_up_to_a_power_of_two_of_at_least_8_bytes() {
        let sizes = [
            (1, 1, 3),
            (8, 1, 3),
            (9, 1, 4),
            (16, 8, 4),
            (17, 4, 5),
            (1, 64, 6),
            (4096, 4096, 12),
        ];
        for (size, align, class) in sizes {
            assert_eq!(
                size_class(layout(size, align)),
                Some(class),
                "{size} bytes aligned to {align}"
            );
        }
        assert_eq!(size_class(layout(8, 8192)), None);
    }

    #[test]
    fn blocks_are_distinct_aligned_and_reused_after_being_freed() {
        let mut heap = Heap::new(Buffer::new(4));
        unsafe {
            let shapes = [(24, 8), (3, 1), (100, 4), (4000, 16), (5000, 8), (64, 64)];
            let blocks: Vec<_> = shapes
                .iter()
                .map(|&(size, align)| (heap.alloc(layout(size, align)), size, align))
                .collect();
            for (i, &(block, size, align)) in blocks.iter().enumerate() {
                assert_eq!(block as usize % align, 0, "block {i} is aligned");
                ptr::write_bytes(block, i as u8 + 1, size);
            }
            for (i, &(block, size, _)) in blocks.iter().enumerate() {
                let bytes = std::slice::from_raw_parts(block, size);
                assert!(bytes.iter().all(|&b| b == i as u8 + 1), "block {i} kept its bytes");
            }
            let (block, size, align) = blocks[2];
            heap.dealloc(block, layout(size, align));
            assert_eq!(
                heap.alloc(layout(128, 8)),
                block,
                "a freed block serves the next request of its size"
            );
        }
    }

    #[test]
    fn growing_within_a_block_keeps_it_and_growing_past_it_moves_the_contents() {
        let mut heap = Heap::new(Buffer::new(4));
        unsafe {
            let block = heap.alloc(layout(20, 1));
            ptr::copy_nonoverlapping(b"twenty bytes of text".as_ptr(), block, 20);
            assert_eq!(heap.realloc(block, layout(20, 1), 32), block);
            let moved = heap.realloc(block, layout(32, 1), 6000);
            assert_ne!(moved, block);
            assert_eq!(std::slice::from_raw_parts(moved, 20), b"twenty bytes of text");
            assert_eq!(heap.alloc(layout(32, 1)), block, "the old block is free again");
        }
    }

    #[test]
    fn memory_running_out_gives_null_and_later_requests_still_work() {
        let mut heap = Heap::new(Buffer::new(2));
        unsafe {
            assert!(heap.alloc(layout(3 * PAGE, 8)).is_null());
            assert!(!heap.alloc(layout(PAGE, 8)).is_null());
            assert!(!heap.alloc(layout(16, 8)).is_null());
        }
    }

    #[test]
    fn memory_that_does_not_follow_the_region_starts_a_new_one() {
        let mut buffer = Buffer::new(8);
        buffer.gap = 1;
        let mut heap = Heap::new(buffer);
        unsafe {
            let first = heap.alloc(layout(PAGE, 8)) as usize;
            let second = heap.alloc(layout(PAGE, 8)) as usize;
            assert_eq!(second - first, 2 * PAGE, "the page left as a gap is not handed out");
        }
    }
}
