"""The web application: an HTTP API under /api/ and dashboard pages, over one read-only database.

Every page has a JSON twin (the same URL with `.json`, or `Accept: application/json`); every error
is `{"error": {"status": ..., "message": ...}}` for machines and the same message on a page for
people. Request handling is thin: parse, call `detente.analytics.browse`, render.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from contextlib import ExitStack, asynccontextmanager
from pathlib import Path
from typing import Any

import duckdb
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader
from starlette.exceptions import HTTPException as StarletteHTTPException

from detente import __version__
from detente.errors import ConfigError
from detente.store import Store

HERE = Path(__file__).parent
STATIC = HERE / "static"
# Bounds on what one request may cost (SECURITY.md states them): the URL's length (requests are
# GETs; a body is refused), and the seconds a query may run before it is interrupted.
MAX_URL_CHARS = 4096
QUERY_SECONDS = 10.0


def create_app(db_path: Path | str, *, query_seconds: float = QUERY_SECONDS) -> FastAPI:
    """The app over the detente database at db_path, opened read-only for the app's lifetime.
    Raises StoreError (with what to do) when the file is missing or not a detente database.
    `query_seconds`: a request's queries are interrupted after this long (a 503)."""
    db_path = Path(db_path)
    # The store's own checks (exists, is detente's, a schema this version reads) and its connection,
    # held for the app's lifetime; each request queries through a cursor of it.
    stack = ExitStack()
    store = stack.enter_context(Store.open(db_path, read_only=True))

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        stack.close()

    app = FastAPI(
        title="detente",
        version=__version__,
        description="Political event data from news articles: events, quotes, actors and dyads, with evidence.",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.db = store.connection
    app.state.db_path = db_path
    app.state.query_seconds = query_seconds
    app.state.templates = _templates()
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="detente API",
            swagger_js_url="/static/vendor/swagger-ui/swagger-ui-bundle.js",
            swagger_css_url="/static/vendor/swagger-ui/swagger-ui.css",
            swagger_favicon_url="/static/favicon.svg",
        )

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        if exc.status_code == 404 and message == "Not Found":
            message = f"nothing at {request.url.path}; the API is listed at /docs, the dashboard starts at /"
        return error_response(request, exc.status_code, message)

    @app.middleware("http")
    async def bounded(request: Request, call_next: Any) -> Response:
        # Only reads are served: a body (or a claim of one) and an overlong URL are refused early.
        if request.method not in ("GET", "HEAD"):
            return error_response(request, 405, f"{request.method} is not served; this server only reads (GET)")
        if request.headers.get("content-length", "0") not in ("", "0") or "transfer-encoding" in request.headers:
            return error_response(request, 413, "requests carry no body here; put the parameters in the URL")
        if len(str(request.url)) > MAX_URL_CHARS:
            return error_response(request, 414, f"the URL is over {MAX_URL_CHARS} characters; shorten the filters")
        return await call_next(request)

    @app.exception_handler(duckdb.InterruptException)
    async def too_slow(request: Request, exc: Exception) -> Response:
        return error_response(
            request,
            503,
            f"the query took over {request.app.state.query_seconds:g} s and was stopped; narrow the filters",
        )

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        problems = []
        for err in exc.errors():
            where = ".".join(str(p) for p in err.get("loc", ())[1:]) or "request"
            problems.append(f"{where}: {err.get('msg', 'invalid')}")
        return error_response(request, 400, "; ".join(problems) + " (see /docs for the parameters)")

    from detente.web.api import router as api_router
    from detente.web.pages import router as pages_router

    app.include_router(api_router)
    app.include_router(pages_router)
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]
    return app


def _openapi(app: FastAPI) -> dict[str, Any]:
    """FastAPI's document, less the 422 answers it lists by default: bad parameters are 400s here,
    in the one error shape."""
    if app.openapi_schema is None:
        from fastapi.openapi.utils import get_openapi

        schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
        for operations in schema["paths"].values():
            for operation in operations.values():
                operation.get("responses", {}).pop("422", None)
        for name in ("HTTPValidationError", "ValidationError"):
            schema.get("components", {}).get("schemas", {}).pop(name, None)
        app.openapi_schema = schema
    return app.openapi_schema


def check_port(host: str, port: int) -> None:
    """Raise ConfigError, saying what to do, when the server could not listen on host:port."""
    import socket

    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
        with socket.socket(family, kind, proto) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind(address)
    except OSError as exc:
        raise ConfigError(
            f"cannot listen on {host}:{port} ({exc.strerror or exc}); give another --port or --host, "
            "or stop what is using it"
        ) from None


def _templates() -> Environment:
    from detente.web import markup
    from detente.web.views import FILTERS, url_with

    env = Environment(
        loader=FileSystemLoader(HERE / "templates"), autoescape=True, trim_blocks=True, lstrip_blocks=True
    )
    env.filters.update(FILTERS)
    env.globals["legend"] = markup.LEGEND
    env.globals["version"] = __version__
    env.globals["url_with"] = url_with
    return env


def connection(request: Request) -> Iterator[Any]:
    """A cursor of the app's read-only connection for one request (DuckDB cursors are per thread),
    its queries interrupted after the app's query_seconds."""
    import threading

    cursor = request.app.state.db.cursor()
    # DuckDB has no statement timeout: a timer interrupts the cursor's running query instead.
    timer = threading.Timer(request.app.state.query_seconds, cursor.interrupt)
    timer.daemon = True
    timer.start()
    try:
        yield cursor
    finally:
        timer.cancel()
        cursor.close()


def wants_json(request: Request) -> bool:
    return request.url.path.endswith(".json") or "application/json" in request.headers.get("accept", "")


def error_response(request: Request, status: int, message: str) -> Response:
    body = {"error": {"status": status, "message": message}}
    if request.url.path.startswith("/api/") or wants_json(request):
        return JSONResponse(body, status_code=status)
    html = request.app.state.templates.get_template("error.html").render(
        request=request, error=body["error"], title=f"Error {status}"
    )
    return HTMLResponse(html, status_code=status)
