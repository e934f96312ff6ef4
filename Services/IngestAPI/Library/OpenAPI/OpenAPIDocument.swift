/// The OpenAPI 3.1 description of every ingest-api route, served at `/openapi.json`.
/// `OpenAPITests` fails when a route is added to the router without being described here (or the reverse).
enum OpenAPIDocument {
    static let json = #"""
{
  "openapi": "3.1.0",
  "info": {
    "title": "Burstwire ingest-api",
    "version": "1.0.0",
    "description": "The write edge of Burstwire. Every 2xx means the event is durable in the broker; when the broker cannot confirm in time the answer is 503 with Retry-After and the request is not accepted. The FRB_candidates_app routes (trailing slash) accept exactly what upload_cand.py sends and answer as Django REST framework did."
  },
  "servers": [{"url": "http://127.0.0.1:8000"}],
  "components": {
    "securitySchemes": {
      "basic": {"type": "http", "scheme": "basic"},
      "bearer": {"type": "http", "scheme": "bearer", "description": "Token issued with `ingest-api token issue`; scopes ingest, read, admin."}
    },
    "schemas": {
      "FieldErrors": {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}, "description": "Django REST framework style: field name to messages."},
      "Detail": {"type": "object", "properties": {"detail": {"type": "string"}}, "required": ["detail"]},
      "Error": {
        "type": "object",
        "properties": {"error": {"type": "object", "properties": {
          "code": {"type": "string"}, "message": {"type": "string"},
          "fields": {"$ref": "#/components/schemas/FieldErrors"}}, "required": ["code", "message"]}},
        "required": ["error"]
      },
      "ObservationForm": {
        "type": "object",
        "properties": {
          "beam_semi_major_axis": {"type": "number"}, "beam_semi_minor_axis": {"type": "number"},
          "beam_rotation_angle": {"type": "number"}, "sampling_time": {"type": "number"}, "bandwidth": {"type": "number"},
          "nchan": {"type": "integer"}, "centre_frequency": {"type": "number"}, "npol": {"type": "integer"},
          "bits_per_sample": {"type": "integer"}, "gain": {"type": "number"}, "tsys": {"type": "number"},
          "backend": {"type": "string", "maxLength": 128}, "beam": {"type": "integer"}
        },
        "required": ["beam_semi_major_axis", "beam_semi_minor_axis", "beam_rotation_angle", "sampling_time", "bandwidth", "nchan", "centre_frequency", "npol", "bits_per_sample", "gain", "tsys", "backend"]
      },
      "FRBEventForm": {
        "type": "object",
        "properties": {
          "observation": {"type": "integer"}, "time_of_arrival": {"type": "string", "format": "date-time"},
          "repeater": {"type": "string", "enum": ["True", "False", "true", "false", "1", "0"]},
          "search_open": {"type": "string", "contentMediaType": "image/png"},
          "image_open": {"type": "string", "contentMediaType": "image/png"},
          "histogram_open": {"type": "string", "contentMediaType": "image/png"}
        },
        "required": ["observation", "time_of_arrival", "search_open", "image_open", "histogram_open"]
      },
      "MeasurementForm": {
        "type": "object",
        "properties": {
          "frb": {"type": "integer"}, "ra": {"type": "number", "minimum": 0, "exclusiveMaximum": 360},
          "dec": {"type": "number", "minimum": -90, "maximum": 90}, "ra_hms": {"type": "string"}, "dec_dms": {"type": "string"},
          "ra_pos_error": {"type": "number", "minimum": 0}, "dec_pos_error": {"type": "number", "minimum": 0},
          "gl": {"type": "number"}, "gb": {"type": "number"}, "source": {"type": "string", "enum": ["MB", "HT"]},
          "version": {"type": "string", "maxLength": 64}, "dm": {"type": "number"}, "dm_err": {"type": "number", "minimum": 0},
          "sn": {"type": "number"}, "width": {"type": "number"}, "flux": {"type": "number"}, "flux_err": {"type": "number", "minimum": 0},
          "z": {"type": "number"}, "rm": {"type": "number"}, "rm_err": {"type": "number", "minimum": 0},
          "fluence": {"type": "number"}, "fluence_err": {"type": "number", "minimum": 0},
          "dmism": {"type": "number"}, "cosmo": {"type": "string"}
        },
        "required": ["frb", "ra", "dec", "ra_hms", "dec_dms", "ra_pos_error", "dec_pos_error", "gl", "gb", "source", "version"]
      },
      "Detection": {
        "type": "object",
        "description": "A whole first detection: the pipeline's observation and radio YAML documents, and the three images.",
        "properties": {
          "observation": {"type": "object", "description": "observation_example.yaml keys"},
          "radio": {"type": "object", "description": "radio_example.yaml keys, including dmism, cosmo, eellipse {a, b, cl, theta}, z"},
          "images": {"type": "object", "properties": {
            "search": {"$ref": "#/components/schemas/EncodedImage"},
            "image": {"$ref": "#/components/schemas/EncodedImage"},
            "histogram": {"$ref": "#/components/schemas/EncodedImage"}}}
        },
        "required": ["observation", "radio"]
      },
      "EncodedImage": {"type": "object", "properties": {"filename": {"type": "string"}, "data_base64": {"type": "string", "contentEncoding": "base64"}}, "required": ["data_base64"]},
      "DetectionCreated": {
        "type": "object",
        "properties": {"observation_id": {"type": "integer"}, "frb_id": {"type": "integer"}, "measurement_id": {"type": "integer"},
                       "image_urls": {"type": "object", "additionalProperties": {"type": "string", "format": "uri"}}},
        "required": ["observation_id", "frb_id", "measurement_id"]
      },
      "MeasurementCreated": {"type": "object", "properties": {"frb_id": {"type": "integer"}, "measurement_id": {"type": "integer"}}, "required": ["frb_id", "measurement_id"]},
      "VOEventAccepted": {"type": "object", "properties": {"ivorn": {"type": "string"}, "status": {"type": "string", "enum": ["accepted", "duplicate"]}}, "required": ["ivorn", "status"]},
      "Readiness": {"type": "object", "properties": {"status": {"type": "string", "enum": ["ready", "not_ready"]}, "checks": {"type": "object"}}, "required": ["status", "checks"]}
    },
    "responses": {
      "Unavailable": {"description": "The broker did not confirm in time; the request was not accepted. Retry after the Retry-After seconds.", "headers": {"Retry-After": {"schema": {"type": "integer"}}}},
      "Unauthorized": {"description": "Missing or wrong credentials."},
      "Forbidden": {"description": "The credentials lack the needed scope."},
      "TooLarge": {"description": "The body is larger than the configured limit (75 MB by default)."},
      "UnsupportedMediaType": {"description": "The body's content type is not accepted by this route."}
    }
  },
  "paths": {
    "/observation_create/": {
      "post": {
        "summary": "FRB_candidates_app: create an observation (upload_cand.py --first, step 1)",
        "security": [{"basic": []}, {"bearer": []}],
        "requestBody": {"required": true, "content": {
          "application/x-www-form-urlencoded": {"schema": {"$ref": "#/components/schemas/ObservationForm"}},
          "multipart/form-data": {"schema": {"$ref": "#/components/schemas/ObservationForm"}}}},
        "responses": {
          "201": {"description": "Created; `id` is the new observation id.", "content": {"application/json": {"schema": {"type": "object", "properties": {"data": {"type": "object"}, "id": {"type": "integer"}}, "required": ["data", "id"]}}}},
          "400": {"description": "Invalid fields.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/FieldErrors"}}}},
          "401": {"$ref": "#/components/responses/Unauthorized"}, "403": {"$ref": "#/components/responses/Forbidden"},
          "413": {"$ref": "#/components/responses/TooLarge"}, "415": {"$ref": "#/components/responses/UnsupportedMediaType"},
          "503": {"$ref": "#/components/responses/Unavailable"}
        }
      }
    },
    "/frbevent_create/": {
      "post": {
        "summary": "FRB_candidates_app: create an FRB event with its three images (upload_cand.py --first, step 2)",
        "security": [{"basic": []}, {"bearer": []}],
        "requestBody": {"required": true, "content": {"multipart/form-data": {"schema": {"$ref": "#/components/schemas/FRBEventForm"}}}},
        "responses": {
          "201": {"description": "Created; `id` is the new FRB id (upload_cand.py prints it).", "content": {"application/json": {"schema": {"type": "object", "properties": {"data": {"type": "object"}, "id": {"type": "integer"}}, "required": ["data", "id"]}}}},
          "400": {"description": "Invalid fields, an unknown observation, a non-image file, or a JSON string such as \"Missing search file\" as the original answered.", "content": {"application/json": {"schema": {"oneOf": [{"$ref": "#/components/schemas/FieldErrors"}, {"type": "string"}]}}}},
          "401": {"$ref": "#/components/responses/Unauthorized"}, "403": {"$ref": "#/components/responses/Forbidden"},
          "413": {"$ref": "#/components/responses/TooLarge"}, "415": {"$ref": "#/components/responses/UnsupportedMediaType"},
          "503": {"$ref": "#/components/responses/Unavailable"}
        }
      }
    },
    "/radio_measurement_create/": {
      "post": {
        "summary": "FRB_candidates_app: add a radio measurement (upload_cand.py --first step 3, or --update N)",
        "security": [{"basic": []}, {"bearer": []}],
        "requestBody": {"required": true, "content": {
          "application/x-www-form-urlencoded": {"schema": {"$ref": "#/components/schemas/MeasurementForm"}},
          "multipart/form-data": {"schema": {"$ref": "#/components/schemas/MeasurementForm"}}}},
        "responses": {
          "201": {"description": "Created.", "content": {"application/json": {"schema": {"type": "object", "properties": {"data": {"type": "object"}}, "required": ["data"]}}}},
          "400": {"description": "Invalid fields or an unknown FRB id.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/FieldErrors"}}}},
          "401": {"$ref": "#/components/responses/Unauthorized"}, "403": {"$ref": "#/components/responses/Forbidden"},
          "413": {"$ref": "#/components/responses/TooLarge"}, "415": {"$ref": "#/components/responses/UnsupportedMediaType"},
          "503": {"$ref": "#/components/responses/Unavailable"}
        }
      }
    },
    "/api/v1/frb/detections": {
      "post": {
        "summary": "Submit a whole first detection (observation, FRB event, first measurement, images) in one request",
        "security": [{"bearer": []}, {"basic": []}],
        "parameters": [{"name": "Idempotency-Key", "in": "header", "required": false, "schema": {"type": "string", "maxLength": 200}, "description": "A retry with the same key and body returns the first response instead of creating duplicates."}],
        "requestBody": {"required": true, "content": {
          "application/json": {"schema": {"$ref": "#/components/schemas/Detection"}},
          "application/yaml": {"schema": {"$ref": "#/components/schemas/Detection"}},
          "multipart/form-data": {"schema": {"type": "object", "properties": {
            "observation": {"type": "string", "description": "observation YAML or JSON"}, "radio": {"type": "string", "description": "radio YAML or JSON"},
            "search": {"type": "string", "contentMediaType": "image/png"}, "image": {"type": "string", "contentMediaType": "image/png"},
            "histogram": {"type": "string", "contentMediaType": "image/png"}}, "required": ["observation", "radio"]}}}},
        "responses": {
          "201": {"description": "Created; names every id.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/DetectionCreated"}}}},
          "400": {"description": "Invalid fields.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "401": {"$ref": "#/components/responses/Unauthorized"}, "403": {"$ref": "#/components/responses/Forbidden"},
          "409": {"description": "A request with this Idempotency-Key is still being processed."},
          "413": {"$ref": "#/components/responses/TooLarge"}, "415": {"$ref": "#/components/responses/UnsupportedMediaType"},
          "422": {"description": "The Idempotency-Key was used with a different body."},
          "503": {"$ref": "#/components/responses/Unavailable"}
        }
      }
    },
    "/api/v1/frb/chime-notices": {
      "post": {
        "summary": "Submit a CHIME/FRB JSON notice (GCN schema gcn/notices/chime/frb) as a first detection, timed at the band centre",
        "security": [{"bearer": []}, {"basic": []}],
        "parameters": [{"name": "Idempotency-Key", "in": "header", "required": false, "schema": {"type": "string", "maxLength": 200}}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object",
          "required": ["id", "alert_type", "trigger_time", "trigger_time_inf_freq", "snr", "ra", "dec", "ra_dec_error", "dm", "dm_error", "sampling_time", "spectral_band", "npol", "tsys"]}}}},
        "responses": {
          "201": {"description": "Created; names every id.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/DetectionCreated"}}}},
          "400": {"description": "Invalid fields, or trigger_time disagreeing with trigger_time_inf_freq dispersed to the bottom of the band.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "401": {"$ref": "#/components/responses/Unauthorized"}, "403": {"$ref": "#/components/responses/Forbidden"},
          "409": {"description": "A request with this Idempotency-Key is still being processed."},
          "413": {"$ref": "#/components/responses/TooLarge"},
          "422": {"description": "The Idempotency-Key was used with a different body."},
          "503": {"$ref": "#/components/responses/Unavailable"}
        }
      }
    },
    "/api/v1/frb/{frb_id}/measurements": {
      "post": {
        "summary": "Add a measurement to an FRB (the pipeline's radio YAML or JSON)",
        "security": [{"bearer": []}, {"basic": []}],
        "parameters": [
          {"name": "frb_id", "in": "path", "required": true, "schema": {"type": "integer"}},
          {"name": "Idempotency-Key", "in": "header", "required": false, "schema": {"type": "string", "maxLength": 200}}
        ],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object"}}, "application/yaml": {"schema": {"type": "object"}}}},
        "responses": {
          "201": {"description": "Created.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/MeasurementCreated"}}}},
          "400": {"description": "Invalid fields.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "401": {"$ref": "#/components/responses/Unauthorized"}, "403": {"$ref": "#/components/responses/Forbidden"},
          "404": {"description": "No such FRB."},
          "409": {"description": "A request with this Idempotency-Key is still being processed."},
          "413": {"$ref": "#/components/responses/TooLarge"}, "415": {"$ref": "#/components/responses/UnsupportedMediaType"},
          "422": {"description": "The Idempotency-Key was used with a different body."},
          "503": {"$ref": "#/components/responses/Unavailable"}
        }
      }
    },
    "/api/v1/voevents": {
      "post": {
        "summary": "Submit a VOEvent 2.0 packet (raw XML); duplicates by IVORN or bytes are accepted but not re-published",
        "security": [{"bearer": []}, {"basic": []}],
        "requestBody": {"required": true, "content": {"application/xml": {"schema": {"type": "string"}}, "text/xml": {"schema": {"type": "string"}}}},
        "responses": {
          "202": {"description": "Durable (or already seen).", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/VOEventAccepted"}}}},
          "400": {"description": "Not a valid VOEvent 2.0 packet.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "401": {"$ref": "#/components/responses/Unauthorized"}, "403": {"$ref": "#/components/responses/Forbidden"},
          "413": {"$ref": "#/components/responses/TooLarge"}, "415": {"$ref": "#/components/responses/UnsupportedMediaType"},
          "503": {"$ref": "#/components/responses/Unavailable"}
        }
      }
    },
    "/add_transient/": {
      "post": {
        "summary": "YSE-PZ add_transient upload, with an honest per-item result",
        "security": [{"basic": []}, {"bearer": []}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object"}}}},
        "responses": {
          "200": {"description": "Durable; per-transient and per-point results, status success or partial.", "content": {"application/json": {"schema": {"type": "object"}}}},
          "400": {"description": "Not a YSE-PZ upload (error body), or no transient was valid (status failed, per-item errors; nothing accepted).", "content": {"application/json": {"schema": {"type": "object"}}}},
          "401": {"$ref": "#/components/responses/Unauthorized"}, "403": {"$ref": "#/components/responses/Forbidden"},
          "413": {"$ref": "#/components/responses/TooLarge"},
          "503": {"$ref": "#/components/responses/Unavailable"}
        }
      }
    },
    "/slack/actions": {
      "post": {
        "summary": "Slack interactivity: Confirm/Reject ratings and trigger approvals, verified by X-Slack-Signature",
        "parameters": [
          {"name": "X-Slack-Signature", "in": "header", "required": true, "schema": {"type": "string"}},
          {"name": "X-Slack-Request-Timestamp", "in": "header", "required": true, "schema": {"type": "string"}}
        ],
        "requestBody": {"required": true, "content": {"application/x-www-form-urlencoded": {"schema": {"type": "object", "properties": {"payload": {"type": "string"}}, "required": ["payload"]}}}},
        "responses": {
          "200": {"description": "Recorded (durable)."},
          "400": {"description": "Not an action we understand."},
          "401": {"description": "Bad or stale signature."},
          "503": {"$ref": "#/components/responses/Unavailable"}
        }
      }
    },
    "/slack_get_rating/": {
      "post": {
        "summary": "The original FRB_candidates_app path for Slack interactivity; same as /slack/actions",
        "requestBody": {"required": true, "content": {"application/x-www-form-urlencoded": {"schema": {"type": "object", "properties": {"payload": {"type": "string"}}, "required": ["payload"]}}}},
        "responses": {"200": {"description": "Recorded (durable)."}, "400": {"description": "Not an action we understand."}, "401": {"description": "Bad or stale signature."}, "503": {"$ref": "#/components/responses/Unavailable"}}
      }
    },
    "/media/{path}": {
      "get": {
        "summary": "A stored image (content-addressed), public so Slack can fetch it",
        "parameters": [{"name": "path", "in": "path", "required": true, "schema": {"type": "string"}, "description": "candidates/<sha256 prefix>/<sha256>.<png|jpg|gif>"}],
        "responses": {"200": {"description": "The image.", "content": {"image/png": {}, "image/jpeg": {}, "image/gif": {}}}, "404": {"description": "No such image."}}
      }
    },
    "/health/live": {"get": {"summary": "Liveness", "responses": {"200": {"description": "The process answers."}}}},
    "/health/ready": {"get": {"summary": "Readiness: broker, database, migrations", "responses": {
      "200": {"description": "Ready.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Readiness"}}}},
      "503": {"description": "A dependency is down.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Readiness"}}}}}}},
    "/metrics": {"get": {"summary": "Prometheus metrics", "responses": {"200": {"description": "Prometheus text format.", "content": {"text/plain": {}}}}}},
    "/openapi.json": {"get": {"summary": "This document", "responses": {"200": {"description": "OpenAPI 3.1", "content": {"application/json": {}}}}}}
  }
}
"""#
}
