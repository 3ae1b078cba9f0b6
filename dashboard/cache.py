"""The cache the web workers share: rendered payloads kept as bytes under keys that name
the load batch they were made from, so a refresh (a new batch id) makes new keys and the
old ones age out.

``make_cache()`` gives each process a bounded in-memory LRU (``WELLBEING_CACHE_MB``) and,
when ``REDIS_URL`` is set, Redis behind it, shared by every worker on every machine that
serves the same store with the same code. Redis is an optimisation, never a dependency:
when it cannot be reached every call answers as a miss (logged once per outage, in each
process), the dashboard serves from its own memory, and Redis is tried again every
``RETRY_SECONDS``.

Keys are namespaced by what makes a payload (``namespace()``): a hash of the source of the
packages that render it, the versions of the libraries that draw it, the settings and the
store's address (without its password). Two cities, or two versions of the atlas during a
rolling deploy, never read each other's payloads from one Redis.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import re
import threading
import time
from collections import OrderedDict
from importlib import metadata
from pathlib import Path
from typing import Any, Protocol

import settings
from store.engine import shown_url

log = logging.getLogger("dashboard.cache")  # not "dashboard": its warnings mark requests (payloads)
ROOT = Path(__file__).resolve().parents[1]
RENDERING_PACKAGES = ("api", "dashboard", "indicators", "presentation", "reports", "settings", "store")
RENDERING_LIBRARIES = ("dash", "plotly", "fpdf2", "matplotlib", "babel", "pandas")
SOURCE_SUFFIXES = (".py", ".css", ".js", ".json", ".toml")
RETRY_SECONDS = 5.0  # after a failed call, Redis is left alone this long
TIMEOUT_SECONDS = 0.5  # connect and read timeout of one Redis call (loopback or LAN)
DEFAULT_TTL = 24 * 3600  # a batch's payloads outlive it by a day at most


class Store(Protocol):
    """Bytes by key: what the two levels below offer."""

    def get(self, key: str) -> bytes | None: ...

    def set(self, key: str, value: bytes, ttl: int) -> None: ...

    def claim(self, key: str, seconds: int) -> bool: ...

    def renew(self, key: str, seconds: int) -> None: ...


class LocalCache:
    """A bounded LRU of bytes in this process (by total size), thread-safe."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self._items: OrderedDict[str, bytes] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()
        self._claims: dict[str, float] = {}

    def get(self, key: str) -> bytes | None:
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
            return value

    def set(self, key: str, value: bytes, ttl: int = DEFAULT_TTL) -> None:
        if len(value) > self.max_bytes // 4:  # one payload never pushes out the rest
            return
        with self._lock:
            old = self._items.pop(key, None)
            self._size -= len(old) if old is not None else 0
            self._items[key] = value
            self._size += len(value)
            while self._size > self.max_bytes:
                _, dropped = self._items.popitem(last=False)
                self._size -= len(dropped)

    def claim(self, key: str, seconds: int) -> bool:
        """True for the first asker of ``key`` in ``seconds`` (one job, one worker)."""
        now = time.monotonic()
        with self._lock:
            if self._claims.get(key, 0.0) > now:
                return False
            self._claims[key] = now + seconds
            return True

    def renew(self, key: str, seconds: int) -> None:
        """Keep this process's claim of ``key`` for ``seconds`` more (a long job)."""
        with self._lock:
            self._claims[key] = time.monotonic() + seconds

    def __len__(self) -> int:
        return len(self._items)


class RedisCache:
    """Redis through redis-py with short timeouts; an unreachable Redis is a miss."""

    def __init__(self, url: str, timeout: float = TIMEOUT_SECONDS) -> None:
        try:
            import redis
        except ImportError as exc:  # a dependency of the atlas: only a broken install lacks it
            raise RuntimeError("REDIS_URL is set but the redis package is missing: "
                               "pip install redis") from exc
        self.url = shown_redis_url(url)
        self._errors: tuple[type[BaseException], ...] = (redis.RedisError, OSError)
        self._client = redis.Redis.from_url(url, socket_timeout=timeout,
                                            socket_connect_timeout=timeout)
        self._lock = threading.Lock()
        self._down_until = 0.0
        self._down = False

    def _call(self, name: str, *args: Any, **kwargs: Any) -> Any:
        if time.monotonic() < self._down_until:
            return None
        try:
            result = getattr(self._client, name)(*args, **kwargs)
        except self._errors as exc:
            with self._lock:
                self._down_until = time.monotonic() + RETRY_SECONDS
                first, self._down = not self._down, True
            if first:
                log.warning("Redis at %s cannot be reached (%s: %s): serving without the shared "
                            "cache, trying it again every %g s", self.url, type(exc).__name__,
                            str(exc).splitlines()[0] if str(exc) else "", RETRY_SECONDS)
            return None
        if self._down:
            with self._lock:
                back, self._down = self._down, False
            if back:
                log.info("Redis at %s answers again: the shared cache is back in use", self.url)
        return result

    def get(self, key: str) -> bytes | None:
        value = self._call("get", key)
        return value if isinstance(value, bytes) else None

    def set(self, key: str, value: bytes, ttl: int = DEFAULT_TTL) -> None:
        self._call("set", key, value, ex=ttl)

    def claim(self, key: str, seconds: int) -> bool:
        """True when this process may do the job ``key`` (also when Redis is down)."""
        got = self._call("set", f"claim:{key}", b"1", nx=True, ex=seconds)
        if got is None:  # taken by another worker, or Redis down: then this process does it
            return self._down
        return bool(got)

    def renew(self, key: str, seconds: int) -> None:
        """Keep a claim this process holds for ``seconds`` more (nothing when it has lapsed)."""
        self._call("set", f"claim:{key}", b"1", xx=True, ex=seconds)

    def reachable(self) -> bool:
        return bool(self._call("ping"))


class Cache:
    """What the dashboard uses: this process's LRU in front of Redis (when configured)."""

    def __init__(self, local: LocalCache | None, shared: RedisCache | None, name: str) -> None:
        self.local, self.shared, self.name = local, shared, name

    def key(self, *parts: Any) -> str:
        """``atlas:<namespace>:<part>:<part>...``: a key of this store, code and settings."""
        return ":".join(["atlas", self.name, *(str(p) for p in parts)])

    def get(self, key: str) -> bytes | None:
        value = self.local.get(key) if self.local is not None else None
        if value is None and self.shared is not None:
            value = self.shared.get(key)
            if value is not None and self.local is not None:
                self.local.set(key, value)
        return value

    def set(self, key: str, value: bytes, ttl: int = DEFAULT_TTL) -> None:
        if self.local is not None:
            self.local.set(key, value, ttl)
        if self.shared is not None:
            self.shared.set(key, value, ttl)

    def claim(self, key: str, seconds: int = 300) -> bool:
        """May this process do the job ``key`` now? (No other worker is doing it.)"""
        if self.local is not None and not self.local.claim(key, seconds):
            return False
        return self.shared.claim(key, seconds) if self.shared is not None else True

    def renew(self, key: str, seconds: int = 300) -> None:
        """Hold the job ``key`` (claimed by this process) for ``seconds`` more."""
        if self.local is not None:
            self.local.renew(key, seconds)
        if self.shared is not None:
            self.shared.renew(key, seconds)

    def status(self) -> dict[str, Any]:
        """For /healthz: where payloads are kept and whether Redis answers."""
        if self.shared is not None:
            return {"backend": "redis", "reachable": self.shared.reachable()}
        return {"backend": "memory" if self.local is not None else "off"}


def make_cache(read_url: str) -> Cache:
    """The cache of this process, from ``REDIS_URL`` and ``WELLBEING_CACHE_MB``."""
    megabytes = float(settings.get("WELLBEING_CACHE_MB") or 0)
    local = LocalCache(int(megabytes * 1024 * 1024)) if megabytes > 0 else None
    redis_url = settings.get("REDIS_URL").strip()
    shared = RedisCache(redis_url) if redis_url else None
    return Cache(local, shared, namespace(read_url))


def shown_redis_url(url: str) -> str:
    """``url`` without its password."""
    return re.sub(r"//([^:@/]*):[^@/]*@", r"//\1:***@", url)


def namespace(read_url: str) -> str:
    """16 hex digits naming what a payload depends on besides its batch and request."""
    digest = hashlib.sha256(_source_digest().encode())
    for name in RENDERING_LIBRARIES:
        digest.update(f"{name}={_version(name)};".encode())
    for s in settings.SETTINGS:
        if s.name not in ("DATABASE_URL", "WELLBEING_READ_DATABASE_URL", "REDIS_URL", "WELLBEING_PRERENDER"):
            digest.update(f"{s.name}={settings.get(s.name)};".encode())
    digest.update(shown_url(read_url).encode())
    return digest.hexdigest()[:16]


@functools.cache
def _source_digest() -> str:
    """A hash of the rendering packages' source (content, not dates: the same on every machine)."""
    digest = hashlib.sha256()
    for package in RENDERING_PACKAGES:
        for path in sorted((ROOT / package).rglob("*")):
            if path.suffix in SOURCE_SUFFIXES and path.is_file() and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(ROOT)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "-"
