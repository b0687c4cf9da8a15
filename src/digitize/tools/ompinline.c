/* libtesseract's OpenMP regions run on the calling thread, without libgomp's team of one.
 *
 * The pipeline runs Tesseract with one OpenMP thread (OMP_THREAD_LIMIT=1: one process per core instead), so
 * every region of its LSTM (a `parallel for` / `parallel sections` per time step and layer) already runs on
 * the calling thread alone; libgomp still sets a team of one up for it and ends it at a barrier whose last
 * thread wakes the others with a futex syscall, whoever waits: ~100,000 syscalls a phone photo, ~3-9 % of
 * the worker's CPU (docs/ocr.md). Loaded globally before libtesseract (tools/tesseract.py), these four
 * entry points, the only ones libtesseract takes from libgomp besides omp_get_num_threads and
 * omp_get_thread_num (which answer 1 and 0 outside a team, as in a team of one), take libgomp's place: a
 * region is its body called once; `sections` hands the body its sections in order. The same work in the
 * same order as a team of one does: the same words, boxes and confidences.
 *
 * Being global, it answers every library loaded after it: a region of another is run the same way (a team
 * of one, as the process's thread limit of 1 gives it anyway); a `sections` construct of another outside
 * these regions goes to libgomp's own functions.
 *
 * It also keeps libtesseract's text-line images uncompressed (``pixWriteMem``, at the end).
 *
 * Built by `make ompinline` (cc -O2 -shared -fPIC); nothing else in the package needs a compiler.
 */

#define _GNU_SOURCE
#include <dlfcn.h>
#include <stddef.h>
#include <string.h>

static __thread unsigned next_section, last_section, in_sections;

/* how many regions ran here (a test reads it: the stub really took libgomp's place) */
static unsigned long regions;

unsigned long ompinline_regions(void) { return regions; }

/* libgomp's own function (loaded, locally, before this library), or NULL; looked up once */
static void *gomp(const char *name, void **cached) {
    if (*cached == NULL) {
        void *lib = dlopen("libgomp.so.1", RTLD_LAZY | RTLD_NOLOAD);
        if (lib != NULL) {
            *cached = dlsym(lib, name);
            dlclose(lib); /* NOLOAD took a reference: libgomp stays loaded by whoever loaded it */
        }
    }
    return *cached;
}

void GOMP_parallel(void (*fn)(void *), void *data, unsigned num_threads, unsigned flags) {
    /* a plain region inside a section is outside any sections construct of its own */
    unsigned outer_next = next_section, outer_last = last_section, outer_in = in_sections;
    (void)num_threads;
    (void)flags;
    __atomic_add_fetch(&regions, 1, __ATOMIC_RELAXED);
    in_sections = 0;
    fn(data);
    next_section = outer_next;
    last_section = outer_last;
    in_sections = outer_in;
}

void GOMP_parallel_sections(void (*fn)(void *), void *data, unsigned num_threads, unsigned count,
                            unsigned flags) {
    /* a region inside a section keeps the outer one's place */
    unsigned outer_next = next_section, outer_last = last_section, outer_in = in_sections;
    (void)num_threads;
    (void)flags;
    __atomic_add_fetch(&regions, 1, __ATOMIC_RELAXED);
    next_section = 1;
    last_section = count;
    in_sections = 1;
    fn(data);
    next_section = outer_next;
    last_section = outer_last;
    in_sections = outer_in;
}

/* the next section to run (1 .. count), 0 when none is left */
unsigned GOMP_sections_next(void) {
    if (!in_sections) {
        static void *own;
        unsigned (*next)(void) = (unsigned (*)(void))gomp("GOMP_sections_next", &own);
        return next ? next() : 0;
    }
    return next_section <= last_section ? next_section++ : 0;
}

void GOMP_sections_end_nowait(void) {
    if (!in_sections) {
        static void *own;
        void (*end)(void) = (void (*)(void))gomp("GOMP_sections_end_nowait", &own);
        if (end)
            end();
    }
}

/* Tesseract keeps every text line's image it hands its LSTM as PNG bytes (ImageData::SetPixInternal writes
 * it with Leptonica's pixWriteMem(..., IFF_PNG)) and decodes them again right before reading the line
 * (GetPixInternal: pixReadMem, which tells the format from the bytes' header): zlib's deflate and inflate
 * and libpng were ~5 % of a phone photo's reading (perf). Its calls write Leptonica's own uncompressed
 * serialisation (SPIX) instead, which pixReadMem reads back to the same pixels: the same words, boxes and
 * confidences. Only calls from libtesseract are changed; any other caller gets the format it asked for. The
 * only other PNG libtesseract 5.3 writes this way is ScrollView's debug drawing (a viewer window, never
 * opened by the pipeline); its PDF renderer (not used in process) writes its images otherwise. */
#define IFF_PNG 3
#define IFF_SPIX 19

typedef int (*pix_write_mem_fn)(unsigned char **, size_t *, void *, int);

/* how many line images were kept as SPIX here (a test reads it: the stub really took Leptonica's place) */
static unsigned long spix_writes;

unsigned long ompinline_spix_writes(void) { return spix_writes; }

static pix_write_mem_fn leptonica_write_mem(void) {
    static pix_write_mem_fn cached;
    if (cached == NULL) {
        static const char *const names[] = {"liblept.so.5", "libleptonica.so.6"};
        for (size_t i = 0; cached == NULL && i < sizeof names / sizeof names[0]; i++) {
            void *lib = dlopen(names[i], RTLD_LAZY | RTLD_NOLOAD);
            if (lib != NULL) {
                cached = (pix_write_mem_fn)dlsym(lib, "pixWriteMem");
                dlclose(lib); /* loaded by libtesseract, which keeps it */
            }
        }
        if (cached == NULL)
            cached = (pix_write_mem_fn)dlsym(RTLD_NEXT, "pixWriteMem");
    }
    return cached;
}

/* the call site in libtesseract found so far (one: SetPixInternal's), so dladdr's symbol search runs once */
static const void *tesseract_caller;

static int from_tesseract(const void *caller) {
    Dl_info info;
    if (caller == __atomic_load_n(&tesseract_caller, __ATOMIC_RELAXED))
        return 1;
    if (dladdr(caller, &info) == 0 || info.dli_fname == NULL || strstr(info.dli_fname, "libtesseract") == NULL)
        return 0;
    __atomic_store_n(&tesseract_caller, caller, __ATOMIC_RELAXED);
    return 1;
}

int pixWriteMem(unsigned char **pdata, size_t *psize, void *pix, int format) {
    pix_write_mem_fn write = leptonica_write_mem();
    if (write == NULL)
        return 1; /* Leptonica's error value: no Leptonica loaded, nothing can have a pix to write */
    if (format == IFF_PNG && from_tesseract(__builtin_return_address(0))) {
        format = IFF_SPIX;
        __atomic_add_fetch(&spix_writes, 1, __ATOMIC_RELAXED);
    }
    return write(pdata, psize, pix, format);
}
