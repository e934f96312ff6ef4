#ifndef CRABBITMQ_SHIM_H
#define CRABBITMQ_SHIM_H
#include <string.h>
// rabbitmq-c >= 0.12 installs <rabbitmq-c/amqp.h>; Debian 12 ships 0.11 with <amqp.h>.
#if __has_include(<rabbitmq-c/amqp.h>)
#include <rabbitmq-c/amqp.h>
#include <rabbitmq-c/tcp_socket.h>
#else
#include <amqp.h>
#include <amqp_tcp_socket.h>
#include <amqp_framing.h>
#endif

// amqp_login() is C-variadic and so not callable from Swift.
static inline amqp_rpc_reply_t camqp_login_plain(amqp_connection_state_t state,
        const char *vhost, int channel_max, int frame_max, int heartbeat,
        const char *user, const char *password) {
    return amqp_login(state, vhost, channel_max, frame_max, heartbeat,
                      AMQP_SASL_METHOD_PLAIN, user, password);
}

// Field-value constructors: Swift cannot easily fill the C union in amqp_field_value_t.
static inline amqp_field_value_t camqp_field_utf8(amqp_bytes_t v) {
    amqp_field_value_t f; f.kind = AMQP_FIELD_KIND_UTF8; f.value.bytes = v; return f;
}
static inline amqp_field_value_t camqp_field_i64(int64_t v) {
    amqp_field_value_t f; f.kind = AMQP_FIELD_KIND_I64; f.value.i64 = v; return f;
}

// Reads an integer header (e.g. the quorum queue's x-delivery-count); returns 1 when found.
static inline int camqp_table_int(amqp_table_t table, const char *key, int64_t *out) {
    size_t keylen = strlen(key);
    for (int i = 0; i < table.num_entries; i++) {
        amqp_table_entry_t *e = &table.entries[i];
        if (e->key.len != keylen || memcmp(e->key.bytes, key, keylen) != 0) continue;
        switch (e->value.kind) {
        case AMQP_FIELD_KIND_I8: *out = e->value.value.i8; return 1;
        case AMQP_FIELD_KIND_U8: *out = e->value.value.u8; return 1;
        case AMQP_FIELD_KIND_I16: *out = e->value.value.i16; return 1;
        case AMQP_FIELD_KIND_U16: *out = e->value.value.u16; return 1;
        case AMQP_FIELD_KIND_I32: *out = e->value.value.i32; return 1;
        case AMQP_FIELD_KIND_U32: *out = e->value.value.u32; return 1;
        case AMQP_FIELD_KIND_I64: *out = e->value.value.i64; return 1;
        case AMQP_FIELD_KIND_U64: *out = (int64_t)e->value.value.u64; return 1;
        default: return 0;
        }
    }
    return 0;
}
#endif
