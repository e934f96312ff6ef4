/// The OpenAPI 3.1 description of catalog-store's HTTP routes, served at `/openapi.json`.
/// `CatalogOpenAPITests` fails when a route is added to the router without being described here.
enum CatalogOpenAPI {
    static let json = #"""
{
  "openapi": "3.1.0",
  "info": {
    "title": "Burstwire catalog-store",
    "version": "1.0.0",
    "description": "Read access to the Burstwire catalogue: FRB events with their measurements, ratings, notifications, TNS names, VOEvents and telescope triggers; VOEvents; YSE-PZ transients; and a mirror of the MWA trigger service's find and show. Every /api/v1 route needs a bearer token or Basic credentials with the read scope."
  },
  "servers": [{"url": "http://127.0.0.1:8001"}],
  "security": [{"bearer": []}, {"basic": []}],
  "components": {
    "securitySchemes": {
      "basic": {"type": "http", "scheme": "basic"},
      "bearer": {"type": "http", "scheme": "bearer", "description": "Token issued with `ingest-api token issue --scope read`."}
    },
    "parameters": {
      "ra": {"name": "ra", "in": "query", "schema": {"type": "number", "minimum": 0, "maximum": 360}, "description": "Cone centre right ascension, degrees (with dec and radius)."},
      "dec": {"name": "dec", "in": "query", "schema": {"type": "number", "minimum": -90, "maximum": 90}, "description": "Cone centre declination, degrees."},
      "radius": {"name": "radius", "in": "query", "schema": {"type": "number", "minimum": 0, "maximum": 180}, "description": "Cone radius, degrees (q3c)."},
      "page": {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1}},
      "page_size": {"name": "page_size", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 500, "default": 50}}
    },
    "schemas": {
      "Error": {
        "type": "object",
        "properties": {"error": {"type": "object", "properties": {
          "code": {"type": "string"}, "message": {"type": "string"},
          "fields": {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}}},
          "required": ["code", "message", "fields"]}},
        "required": ["error"]
      },
      "Page": {
        "type": "object",
        "properties": {"count": {"type": "integer"}, "next": {"type": ["string", "null"]}, "previous": {"type": ["string", "null"]}, "results": {"type": "array", "items": {"type": "object"}}},
        "required": ["count", "next", "previous", "results"]
      },
      "FRBListItem": {
        "type": "object",
        "properties": {
          "frb_id": {"type": "integer"}, "observation_id": {"type": "integer"}, "time_of_arrival": {"type": "string", "format": "date-time"},
          "repeater": {"type": "boolean"}, "tns_name": {"type": ["string", "null"]},
          "latest_measurement": {"type": ["object", "null"], "description": "The most recent RadioMeasurement, every field of frb.measurement.received.v1."},
          "measurement_count": {"type": "integer"},
          "ratings": {"type": "object", "properties": {"confirm": {"type": "integer"}, "reject": {"type": "integer"}}},
          "image_urls": {"type": "object", "properties": {"search": {"type": "string"}, "image": {"type": "string"}, "histogram": {"type": "string"}}}
        }
      },
      "MWATrigger": {
        "type": "object",
        "properties": {
          "trigger_id": {"type": ["integer", "null"]}, "project_id": {"type": ["string", "null"]}, "pretend": {"type": "boolean"},
          "success": {"type": "boolean"}, "creator": {"type": ["string", "null"]}, "obsname": {"type": ["string", "null"]},
          "trigger_mode": {"enum": ["MWAX_CORRELATOR", "MWAX_VCS", "BUFFER"]}, "obsids": {"type": "array", "items": {"type": "integer"}},
          "params": {"type": "object"}, "errors": {"type": "array", "items": {"type": "string"}},
          "created_datetime": {"type": "string", "description": "UTC, ISOT."},
          "call_id": {"type": "integer"}, "decision_id": {"type": "integer"}, "proposal_id": {"type": "string"},
          "endpoint": {"type": "string"}, "http_status": {"type": ["integer", "null"]}, "duration_ms": {"type": "integer"}
        }
      }
    },
    "responses": {
      "BadRequest": {"description": "A query parameter is unknown or not valid; fields names each with its reason.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
      "Unauthenticated": {"description": "No or wrong credentials.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
      "Forbidden": {"description": "The credentials lack the read scope.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
      "NotFound": {"description": "Not in the catalogue.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
      "Unavailable": {"description": "The catalogue cannot be read now; Retry-After says when to retry.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
    }
  },
  "paths": {
    "/api/v1/frbs": {"get": {
      "summary": "FRB events, newest arrival first, with their most recent measurement",
      "description": "Cursor-paged: next and previous carry a cursor, so FRBs stored while paging never shift a page. DM, S/N and cone filters apply to the most recent measurement.",
      "parameters": [
        {"name": "toa_after", "in": "query", "schema": {"type": "string", "format": "date-time"}},
        {"name": "toa_before", "in": "query", "schema": {"type": "string", "format": "date-time"}},
        {"name": "dm_min", "in": "query", "schema": {"type": "number"}}, {"name": "dm_max", "in": "query", "schema": {"type": "number"}},
        {"name": "sn_min", "in": "query", "schema": {"type": "number"}}, {"name": "sn_max", "in": "query", "schema": {"type": "number"}},
        {"name": "repeater", "in": "query", "schema": {"type": "boolean"}},
        {"name": "tns_name", "in": "query", "schema": {"type": "string"}, "description": "Exact, or with % as a wildcard."},
        {"name": "rating", "in": "query", "schema": {"enum": ["confirmed", "rejected", "unrated"]}},
        {"$ref": "#/components/parameters/ra"}, {"$ref": "#/components/parameters/dec"}, {"$ref": "#/components/parameters/radius"},
        {"$ref": "#/components/parameters/page_size"},
        {"name": "cursor", "in": "query", "schema": {"type": "string"}, "description": "From a next or previous link."}
      ],
      "responses": {
        "200": {"description": "A page of FRBs.", "content": {"application/json": {"schema": {"allOf": [{"$ref": "#/components/schemas/Page"}, {"properties": {"results": {"items": {"$ref": "#/components/schemas/FRBListItem"}}}}]}}}},
        "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthenticated"},
        "403": {"$ref": "#/components/responses/Forbidden"}, "503": {"$ref": "#/components/responses/Unavailable"}
      }}},
    "/api/v1/frbs/{id}": {"get": {
      "summary": "One FRB: record, observation, image URLs, every measurement, ratings with counts and users, notifications, TNS reports, VOEvents, trigger decisions and MWA calls",
      "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}}],
      "responses": {"200": {"description": "The FRB.", "content": {"application/json": {"schema": {"type": "object"}}}},
        "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthenticated"},
        "403": {"$ref": "#/components/responses/Forbidden"}, "404": {"$ref": "#/components/responses/NotFound"}}}},
    "/api/v1/voevents": {"get": {
      "summary": "VOEvents received and sent, newest first, with their parsed summary",
      "parameters": [{"name": "stream", "in": "query", "schema": {"type": "string"}, "description": "e.g. nasa.gsfc.gcn/SWIFT"},
        {"name": "role", "in": "query", "schema": {"enum": ["observation", "prediction", "utility", "test"]}},
        {"$ref": "#/components/parameters/ra"}, {"$ref": "#/components/parameters/dec"}, {"$ref": "#/components/parameters/radius"},
        {"$ref": "#/components/parameters/page"}, {"$ref": "#/components/parameters/page_size"}],
      "responses": {"200": {"description": "A page of VOEvents.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Page"}}}},
        "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthenticated"}}}},
    "/api/v1/voevents/xml": {"get": {
      "summary": "A VOEvent's XML, exactly as received or sent",
      "parameters": [{"name": "ivorn", "in": "query", "required": true, "schema": {"type": "string"}}],
      "responses": {"200": {"description": "The packet.", "content": {"application/xml": {"schema": {"type": "string"}}}},
        "400": {"$ref": "#/components/responses/BadRequest"}, "404": {"$ref": "#/components/responses/NotFound"}}}},
    "/api/v1/transients": {"get": {
      "summary": "YSE-PZ transients, most recently updated first, each with its photometry",
      "parameters": [{"$ref": "#/components/parameters/ra"}, {"$ref": "#/components/parameters/dec"}, {"$ref": "#/components/parameters/radius"},
        {"$ref": "#/components/parameters/page"}, {"$ref": "#/components/parameters/page_size"}],
      "responses": {"200": {"description": "A page of transients.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Page"}}}},
        "400": {"$ref": "#/components/responses/BadRequest"}}}},
    "/api/v1/transients/{name}": {"get": {
      "summary": "One transient with its photometry",
      "parameters": [{"name": "name", "in": "path", "required": true, "schema": {"type": "string"}}],
      "responses": {"200": {"description": "The transient.", "content": {"application/json": {"schema": {"type": "object"}}}},
        "404": {"$ref": "#/components/responses/NotFound"}}}},
    "/api/v1/trigger/find": {"get": {
      "summary": "Past MWA trigger calls, with the MWA find service's parameters and fields",
      "parameters": [
        {"name": "pagesize", "in": "query", "schema": {"type": "integer", "default": 200}}, {"name": "page", "in": "query", "schema": {"type": "integer", "default": 1}},
        {"name": "trigger_id", "in": "query", "schema": {"type": "integer"}},
        {"name": "trigger_mode", "in": "query", "schema": {"enum": ["MWAX_CORRELATOR", "MWAX_VCS", "BUFFER"]}},
        {"name": "pretend", "in": "query", "schema": {"type": "string"}, "description": "on, true or a non-zero integer: pretend triggers only; anything else: real ones only."},
        {"name": "success", "in": "query", "schema": {"type": "string"}, "description": "As pretend, for successful triggers."},
        {"name": "mintime_utc", "in": "query", "schema": {"type": "string"}}, {"name": "maxtime_utc", "in": "query", "schema": {"type": "string"}},
        {"name": "project_id", "in": "query", "schema": {"type": "string"}},
        {"name": "obsname", "in": "query", "schema": {"type": "string"}, "description": "% matches any run of characters."},
        {"name": "creator", "in": "query", "schema": {"type": "string"}, "description": "% matches any run of characters."},
        {"name": "desc", "in": "query", "schema": {"type": "string"}, "description": "Any value reverses the order (oldest first by default)."},
        {"name": "pretty", "in": "query", "schema": {"type": "string"}}, {"name": "html", "in": "query", "schema": {"type": "string"}, "description": "Accepted for compatibility; the answer is JSON."}
      ],
      "responses": {"200": {"description": "Trigger calls.", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/MWATrigger"}}}}},
        "400": {"$ref": "#/components/responses/BadRequest"}}}},
    "/api/v1/trigger/show": {"get": {
      "summary": "One MWA trigger call by the MWA trigger id",
      "parameters": [{"name": "trigger_id", "in": "query", "required": true, "schema": {"type": "integer"}},
        {"name": "pretty", "in": "query", "schema": {"type": "string"}}, {"name": "html", "in": "query", "schema": {"type": "string"}}],
      "responses": {"200": {"description": "The call.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/MWATrigger"}}}},
        "400": {"$ref": "#/components/responses/BadRequest"}, "404": {"$ref": "#/components/responses/NotFound"}}}},
    "/frbs": {"get": {"summary": "The FRB table (HTML), with the same filters as /api/v1/frbs", "security": [],
      "responses": {"200": {"description": "HTML page.", "content": {"text/html": {}}}}}},
    "/frbs/{id}": {"get": {"summary": "One FRB (HTML): plots, first detection, measurements, ratings, notifications, triggers, VOEvents", "security": [],
      "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}}],
      "responses": {"200": {"description": "HTML page.", "content": {"text/html": {}}}, "404": {"description": "No such FRB."}}}},
    "/": {"get": {"summary": "Redirects to /frbs", "security": [], "responses": {"303": {"description": "To the FRB table."}}}},
    "/openapi.json": {"get": {"summary": "This document", "security": [], "responses": {"200": {"description": "OpenAPI 3.1."}}}},
    "/health/live": {"get": {"summary": "The process is up", "security": [], "responses": {"200": {"description": "Alive."}}}},
    "/health/ready": {"get": {"summary": "Broker, consumer, database and migrations are all ready", "security": [], "responses": {"200": {"description": "Ready."}, "503": {"description": "Not ready; the body names what is not."}}}},
    "/metrics": {"get": {"summary": "Prometheus metrics", "security": [], "responses": {"200": {"description": "Text exposition format."}}}}
  }
}
"""#
}
