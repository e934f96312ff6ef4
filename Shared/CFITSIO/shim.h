#ifndef CFITSIO_SHIM_H
#define CFITSIO_SHIM_H
#include <fitsio.h>
// The long names (fits_open_file, ...) are macros in longnam.h, which Swift does not import.
static inline int cfits_open_file(fitsfile **f, const char *name, int mode, int *status) { return fits_open_file(f, name, mode, status); }
static inline int cfits_close_file(fitsfile *f, int *status) { return fits_close_file(f, status); }
static inline int cfits_get_num_hdus(fitsfile *f, int *n, int *status) { return fits_get_num_hdus(f, n, status); }
static inline int cfits_movabs_hdu(fitsfile *f, int n, int *type, int *status) { return fits_movabs_hdu(f, n, type, status); }
static inline int cfits_get_hdrspace(fitsfile *f, int *nexist, int *nmore, int *status) { return fits_get_hdrspace(f, nexist, nmore, status); }
static inline int cfits_read_record(fitsfile *f, int n, char *card, int *status) { return fits_read_record(f, n, card, status); }
static inline int cfits_read_keyn(fitsfile *f, int n, char *key, char *value, char *comm, int *status) { return fits_read_keyn(f, n, key, value, comm, status); }
static inline int cfits_get_img_dim(fitsfile *f, int *naxis, int *status) { return fits_get_img_dim(f, naxis, status); }
static inline int cfits_get_img_size(fitsfile *f, int maxdim, long *naxes, int *status) { return fits_get_img_size(f, maxdim, naxes, status); }
static inline int cfits_read_img_dbl(fitsfile *f, long first, long n, double nul, double *a, int *anynul, int *status) { return fits_read_img_dbl(f, 0, first, n, nul, a, anynul, status); }
static inline int cfits_get_num_rows(fitsfile *f, long *n, int *status) { return fits_get_num_rows(f, n, status); }
static inline int cfits_get_num_cols(fitsfile *f, int *n, int *status) { return fits_get_num_cols(f, n, status); }
static inline int cfits_get_colname(fitsfile *f, int casesen, char *templt, char *colname, int *colnum, int *status) { return fits_get_colname(f, casesen, templt, colname, colnum, status); }
static inline int cfits_read_col_dbl(fitsfile *f, int col, long firstrow, long n, double nul, double *a, int *anynul, int *status) { return fits_read_col_dbl(f, col, firstrow, 1, n, nul, a, anynul, status); }
static inline void cfits_get_errstatus(int status, char *text) { fits_get_errstatus(status, text); }
// Added for the FITS target: literal-path open, HDU identity, typed keyword reads, column types and string columns.
static inline int cfits_open_diskfile(fitsfile **f, const char *name, int mode, int *status) { return fits_open_diskfile(f, name, mode, status); }
static inline int cfits_get_hdu_num(fitsfile *f, int *n) { return fits_get_hdu_num(f, n); }
static inline int cfits_read_key_dbl(fitsfile *f, const char *key, double *value, char *comm, int *status) { return fits_read_key_dbl(f, key, value, comm, status); }
static inline int cfits_read_key_lnglng(fitsfile *f, const char *key, long long *value, char *comm, int *status) { return fits_read_key_lnglng(f, key, value, comm, status); }
static inline int cfits_read_key_longstr(fitsfile *f, const char *key, char **value, char *comm, int *status) { return fits_read_key_longstr(f, key, value, comm, status); }
static inline int cfits_free_memory(void *p, int *status) { return fits_free_memory(p, status); }
static inline int cfits_get_coltype(fitsfile *f, int col, int *typecode, long *repeat, long *width, int *status) { return fits_get_coltype(f, col, typecode, repeat, width, status); }
static inline int cfits_get_col_display_width(fitsfile *f, int col, int *width, int *status) { return fits_get_col_display_width(f, col, width, status); }
static inline int cfits_read_col_str(fitsfile *f, int col, long firstrow, long n, char **a, int *anynul, int *status) { char nul[1] = {0}; return fits_read_col_str(f, col, firstrow, 1, n, nul, a, anynul, status); }
static const int CFITS_FLEN_CARD = FLEN_CARD;
static const int CFITS_FLEN_KEYWORD = FLEN_KEYWORD;
static const int CFITS_FLEN_VALUE = FLEN_VALUE;
static const int CFITS_FLEN_ERRMSG = FLEN_ERRMSG;
#endif
