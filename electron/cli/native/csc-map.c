// The 错别字 tables mapped, not read, for `edition-desk proof` under plain Node (issue 15).
// Reading the 12 MB table copies it into fresh anonymous pages, and on a VM whose page
// faults are costly each of those pages is paid twice: the kernel's copy into it and the
// program's first touch (measured on this project's 2-core VM: read 49 ms + first touch
// 24 ms). A private file mapping shares the page cache's pages instead, faulted in 64 KB
// at a time as the detector touches them (7.7 ms for every page). Node has no mmap, so
// this is a small Node-API addon: Node-API is stable across Node versions, and only the
// CLI loads it (never the Electron main process: Electron's V8 sandbox forbids external
// ArrayBuffers). Built by scripts/build.mjs when a C compiler is there; without it the CLI
// reads the file as before (bin/edition-desk.cjs).
#define NAPI_VERSION 8
#include <node_api.h>
#include <fcntl.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

static void unmap(napi_env env, void* data, void* hint) {
  (void)env;
  munmap(data, (size_t)(uintptr_t)hint);
}

// map(path: string): ArrayBuffer — the file's bytes, copy-on-write (a write by mistake
// changes this process's copy, never the file). Throws on any failure; the caller reads.
static napi_value map(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value arg, out;
  char path[4096];
  size_t len = 0;
  if (napi_get_cb_info(env, info, &argc, &arg, NULL, NULL) != napi_ok || argc < 1 ||
      napi_get_value_string_utf8(env, arg, path, sizeof path, &len) != napi_ok || len >= sizeof path - 1) {
    napi_throw_type_error(env, NULL, "csc-map: a path is needed");
    return NULL;
  }
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    napi_throw_error(env, "ENOENT", "csc-map: cannot open the file");
    return NULL;
  }
  struct stat st;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size <= 0) {
    close(fd);
    napi_throw_error(env, NULL, "csc-map: not a regular, non-empty file");
    return NULL;
  }
  size_t size = (size_t)st.st_size;
  void* data = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
  close(fd); // the mapping keeps the file
  if (data == MAP_FAILED) {
    napi_throw_error(env, NULL, "csc-map: mmap failed");
    return NULL;
  }
  if (napi_create_external_arraybuffer(env, data, size, unmap, (void*)(uintptr_t)size, &out) != napi_ok) {
    munmap(data, size);
    napi_throw_error(env, NULL, "csc-map: no external ArrayBuffer here");
    return NULL;
  }
  return out;
}

NAPI_MODULE_INIT() {
  napi_value fn;
  if (napi_create_function(env, "map", NAPI_AUTO_LENGTH, map, NULL, &fn) != napi_ok) return NULL;
  if (napi_set_named_property(env, exports, "map", fn) != napi_ok) return NULL;
  return exports;
}
