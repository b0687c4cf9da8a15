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
#include <link.h>
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
 * and libpng were ~5 % of a phone photo's reading (perf). SetPixInternal's calls write Leptonica's own
 * uncompressed serialisation (SPIX) instead, which pixReadMem reads back to the same pixels: the same words,
 * boxes and confidences. Every other caller (ScrollView's debug drawing in libtesseract 5.3, a viewer window
 * the pipeline never opens; any other library) gets the format it asked for.
 *
 * Loaded globally, this pixWriteMem answers every caller loaded after it, so it must always reach
 * Leptonica's own: found by walking the loaded objects (dl_iterate_phdr: Leptonica loaded locally by
 * libtesseract, under whatever file name), not by a list of names. The interception is off until
 * ompinline_intercept_line_images() has found Leptonica's function (tools/tesseract.py calls it once
 * libtesseract is loaded; when it answers 0 the engine is not used in process). */
#define IFF_PNG 3
#define IFF_SPIX 19

#ifndef OMPINLINE_LEPTONICA_SYMBOL
#define OMPINLINE_LEPTONICA_SYMBOL "pixWriteMem" /* another name builds a library that finds none (a test) */
#endif

typedef int (*pix_write_mem_fn)(unsigned char **, size_t *, void *, int);

int pixWriteMem(unsigned char **pdata, size_t *psize, void *pix, int format);

/* how many line images were kept as SPIX here (a test reads it: the stub really took Leptonica's place) */
static unsigned long spix_writes;

unsigned long ompinline_spix_writes(void) { return spix_writes; }

/* Leptonica's pixWriteMem once found (read and written atomically: several threads may read pages) */
static pix_write_mem_fn leptonica;
/* 1 once ompinline_intercept_line_images() found it: SetPixInternal's PNG becomes SPIX */
static int intercepting;

static int find_in_object(struct dl_phdr_info *info, size_t size, void *found) {
    Dl_info self;
    void *lib, *fn;
    (void)size;
    if (info->dlpi_name == NULL || info->dlpi_name[0] == '\0')
        return 0; /* the program itself (its symbols are the global scope's, searched last below) */
    if (dladdr((void *)pixWriteMem, &self) != 0 && self.dli_fbase == (void *)info->dlpi_addr)
        return 0; /* this library */
    lib = dlopen(info->dlpi_name, RTLD_LAZY | RTLD_NOLOAD);
    if (lib == NULL)
        return 0;
    fn = dlsym(lib, OMPINLINE_LEPTONICA_SYMBOL); /* the object's own scope: it and its dependencies */
    dlclose(lib);                                /* NOLOAD took a reference: it stays loaded by its loader */
    if (fn == NULL || fn == (void *)pixWriteMem)
        return 0;
    *(void **)found = fn;
    return 1;
}

static pix_write_mem_fn leptonica_write_mem(void) {
    pix_write_mem_fn fn = __atomic_load_n(&leptonica, __ATOMIC_ACQUIRE);
    if (fn == NULL) {
        void *found = NULL;
        dl_iterate_phdr(find_in_object, &found);
        if (found == NULL)
            found = dlsym(RTLD_NEXT, OMPINLINE_LEPTONICA_SYMBOL);
        if (found == (void *)pixWriteMem)
            found = NULL;
        fn = (pix_write_mem_fn)found;
        if (fn != NULL)
            __atomic_store_n(&leptonica, fn, __ATOMIC_RELEASE);
    }
    return fn;
}

/* 1 when Leptonica's pixWriteMem is found and SetPixInternal's line images are from now on written as SPIX;
 * 0 when it is not (the interception stays off; a call would fail as Leptonica's does, with no data) */
int ompinline_intercept_line_images(void) {
    if (leptonica_write_mem() == NULL)
        return 0;
    __atomic_store_n(&intercepting, 1, __ATOMIC_RELEASE);
    return 1;
}

/* SetPixInternal's call sites found so far (two in libtesseract 5.3: dladdr's symbol search once each, not per
 * line: _dl_addr was 0.4 % of the photos' CPU), and the last other caller seen */
static const void *line_image_callers[2], *other_caller;

#define SET_PIX_INTERNAL "_ZN9tesseract9ImageData14SetPixInternal"

static int from_set_pix_internal(const void *caller) {
    Dl_info info;
    size_t i;
    for (i = 0; i < 2; i++)
        if (caller == __atomic_load_n(&line_image_callers[i], __ATOMIC_RELAXED))
            return 1;
    if (caller == __atomic_load_n(&other_caller, __ATOMIC_RELAXED))
        return 0;
    if (dladdr(caller, &info) == 0 || info.dli_sname == NULL ||
        strncmp(info.dli_sname, SET_PIX_INTERNAL, sizeof SET_PIX_INTERNAL - 1) != 0) {
        __atomic_store_n(&other_caller, caller, __ATOMIC_RELAXED);
        return 0;
    }
    for (i = 0; i < 2; i++) {
        const void *none = NULL;
        if (__atomic_compare_exchange_n(&line_image_callers[i], &none, caller, 0, __ATOMIC_RELAXED,
                                        __ATOMIC_RELAXED))
            break;
    }
    return 1;
}

int pixWriteMem(unsigned char **pdata, size_t *psize, void *pix, int format) {
    pix_write_mem_fn write = leptonica_write_mem();
    if (write == NULL) {
        /* cannot happen with Leptonica loaded (tools/tesseract.py does not use the engine then): fail as
         * Leptonica does on an error, no data */
        if (pdata != NULL)
            *pdata = NULL;
        if (psize != NULL)
            *psize = 0;
        return 1;
    }
    if (format == IFF_PNG && __atomic_load_n(&intercepting, __ATOMIC_ACQUIRE) &&
        from_set_pix_internal(__builtin_return_address(0))) {
        format = IFF_SPIX;
        __atomic_add_fetch(&spix_writes, 1, __ATOMIC_RELAXED);
    }
    return write(pdata, psize, pix, format);
}
