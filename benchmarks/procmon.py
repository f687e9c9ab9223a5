"""Memory of a whole process tree, sampled from /proc (Linux; no third-party package needed).

``TreeMonitor(pid)`` samples, every ``interval`` seconds, the sum of the resident set size (RSS) and
of the proportional set size (PSS: shared pages split between the processes that share them) of
the process and all its descendants, and keeps the peaks. RSS double-counts the pages that forked
workers (spaCy ``n_process``) share with their parent; PSS does not, so the PSS peak is the
honest "memory the build needed" and the RSS peak an upper bound.
"""
from __future__ import annotations

import os
import threading
import time
from pathlib import Path

PAGE = os.sysconf("SC_PAGE_SIZE")


def _children_map() -> dict[int, list[int]]:
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(entry.path, "stat").read_text()
        except OSError:
            continue
        # pid (comm) state ppid ...; comm may hold spaces and parentheses
        fields = stat[stat.rfind(")") + 2:].split()
        children.setdefault(int(fields[1]), []).append(int(entry.name))
    return children


def tree_pids(root: int) -> list[int]:
    """The process and every descendant alive now."""
    children = _children_map()
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo.extend(children.get(pid, []))
    return out


TICKS = os.sysconf("SC_CLK_TCK")


def _cpu_s(pid: int) -> float | None:
    """User + system CPU seconds of one process so far."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = stat[stat.rfind(")") + 2:].split()
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime, stime


def _rss_pss(pid: int) -> tuple[int, int]:
    """(RSS, PSS) in bytes; PSS from smaps_rollup when readable, else RSS."""
    try:
        rss = int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE
    except (OSError, IndexError, ValueError):
        return 0, 0
    pss = rss
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                pss = int(line.split()[1]) * 1024
                break
    except (OSError, ValueError):
        pass
    return rss, pss


class TreeMonitor:
    """Background sampler of the memory of a process tree; use as a context manager."""

    def __init__(self, pid: int, interval: float = 0.5):
        self.pid = pid
        self.interval = interval
        self.peak_rss = 0
        self.peak_pss = 0
        self.peak_processes = 0
        self.samples = 0
        self.load_sum = 0.0
        self.load_max = 0.0
        self._cpu_by_pid: dict[int, float] = {}
        self.cpu_series: list[tuple[float, float]] = []  # (time.time(), CPU seconds of the tree so far)
        self.root_cpu_series: list[tuple[float, float]] = []  # the same for the root process alone
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def sample(self) -> None:
        pids = tree_pids(self.pid)
        rss = pss = 0
        for pid in pids:
            r, p = _rss_pss(pid)
            rss += r
            pss += p
            cpu = _cpu_s(pid)
            if cpu is not None:  # a finished process keeps its last reading
                self._cpu_by_pid[pid] = cpu
        self.cpu_series.append((time.time(), sum(self._cpu_by_pid.values())))
        self.root_cpu_series.append((self.cpu_series[-1][0], self._cpu_by_pid.get(self.pid, 0.0)))
        self.peak_rss = max(self.peak_rss, rss)
        self.peak_pss = max(self.peak_pss, pss)
        self.peak_processes = max(self.peak_processes, len(pids))
        self.samples += 1
        load = os.getloadavg()[0]
        self.load_sum += load
        self.load_max = max(self.load_max, load)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.sample()
            except Exception:  # a process vanished mid-read: take the next sample
                pass
            self._stop.wait(self.interval)

    def __enter__(self) -> TreeMonitor:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def cpu_between(self, start: float, end: float, root_only: bool = False) -> float:
        """CPU seconds the tree (or the root process alone) used between two time.time() stamps,
        from the samples nearest before them."""
        series = self.root_cpu_series if root_only else self.cpu_series

        def at(t: float) -> float:
            before = [cpu for stamp, cpu in series if stamp <= t]
            return before[-1] if before else 0.0
        return at(end) - at(start)

    def as_dict(self) -> dict:
        return {
            "peak_rss_tree_mb": round(self.peak_rss / 2**20, 1),
            "peak_pss_tree_mb": round(self.peak_pss / 2**20, 1),
            "peak_processes": self.peak_processes,
            "samples": self.samples,
            "cpu_s_sampled": round(self.cpu_series[-1][1], 1) if self.cpu_series else None,
            # 1-minute load average of the machine while this ran: > cores means other work competed
            "load_avg_mean": round(self.load_sum / self.samples, 2) if self.samples else None,
            "load_avg_max": round(self.load_max, 2),
            "interval_s": self.interval,
        }
