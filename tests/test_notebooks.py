"""The analysts' notebooks run headless (nbclient) and the committed copies are executed and small.

Execution uses the rules pipeline (``QUOTEATTR_MODEL=rules``) so the test is fast and
does not depend on the statistical model; the notebooks' own logic is what is tested.
"""

from __future__ import annotations

import copy
import importlib.util
import json
import os
import re
import shlex
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest

nbformat = pytest.importorskip("nbformat", reason="pip install quoteattr[notebooks] (nbformat) to run the notebook tests")
pytest.importorskip("nbclient", reason="pip install quoteattr[notebooks] (nbclient) to run the notebook tests")
pytest.importorskip("ipykernel", reason="pip install quoteattr[notebooks] (ipykernel) to run the notebook tests")
pytest.importorskip("matplotlib", reason="pip install quoteattr[notebooks] (matplotlib) to run the notebook tests")

REPO = Path(__file__).resolve().parents[1]
NB_DIR = REPO / "notebooks"
EXPLORE = NB_DIR / "01_explore.ipynb"
EVALUATE = NB_DIR / "02_evaluate.ipynb"
SHARED_GOLD = REPO.parent / "shared" / "eval" / "dev.gold.jsonl"


FIGURES = "FIGURES_JSON "
# Injected after the set-up cell: every figure shown is described (title, labels, legend
# position, visible ticks) before it is drawn, so the tests can check that it reads at a glance.
RECORD_FIGURES = """\
import json
_FIGURES, _show = [], plt.show

def _describe_and_show(*args, **kwargs):
    for num in plt.get_fignums():
        fig = plt.figure(num)
        fig.canvas.draw()
        renderer = fig.canvas.get_renderer()
        for ax in fig.axes:
            legend = ax.get_legend()
            box = ax.get_window_extent(renderer)
            lbox = legend.get_window_extent(renderer) if legend else None
            ticks = {}
            for name, axis, lim in (("x", ax.xaxis, ax.get_xlim()), ("y", ax.yaxis, ax.get_ylim())):
                lo, hi = sorted(lim)
                ticks[name] = [float(t) for t in axis.get_ticklocs() if lo - 1e-9 <= t <= hi + 1e-9]
            _FIGURES.append({"title": ax.get_title(loc="left") or ax.get_title(), "xlabel": ax.get_xlabel(), "ylabel": ax.get_ylabel(),
                             "legend": legend is not None, "legend_overlaps_plot": bool(lbox is not None and lbox.overlaps(box)),
                             "ticks": ticks})
    return _show(*args, **kwargs)

plt.show = _describe_and_show"""


def figures(nb: Any) -> list[dict[str, Any]]:
    """The descriptions of every figure the notebook showed (see RECORD_FIGURES)."""
    line = next(s for s in outputs(nb, "stream") if s.startswith(FIGURES))
    return json.loads(line[len(FIGURES) :])


def assert_figures_read_at_a_glance(nb: Any, n: int) -> None:
    """Every figure: a title, both axis labels, integer ticks on counts, a legend off the bars."""
    figs = figures(nb)
    assert len(figs) == len(outputs(nb, "image/png")) == n
    for f in figs:
        assert f["title"] and f["xlabel"] and f["ylabel"], f
        assert not f["legend_overlaps_plot"], f"the legend covers the plot: {f['title']}"
        for axis, ticks in f["ticks"].items():
            assert all(t == int(t) for t in ticks), f"{f['title']}: fractional {axis} ticks {ticks}"


def run(path: Path, monkeypatch: pytest.MonkeyPatch, **params: Any) -> Any:
    """Execute a notebook from the notebooks folder, optionally overriding parameters (papermill-style)."""
    from nbclient import NotebookClient

    monkeypatch.setenv("QUOTEATTR_MODEL", "rules")
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    nb = nbformat.read(path, as_version=4)
    at = next(i for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", []))
    nb.cells.insert(at + 2, nbformat.v4.new_code_cell(RECORD_FIGURES))  # after the set-up cell
    nb.cells.append(nbformat.v4.new_code_cell(f"print({FIGURES!r} + json.dumps(_FIGURES))"))
    if params:
        src = "# Injected parameters\n" + "\n".join(f"{k} = {v!r}" for k, v in params.items())
        nb.cells.insert(at + 1, nbformat.v4.new_code_cell(src))
    NotebookClient(nb, timeout=180, kernel_name="python3", resources={"metadata": {"path": str(NB_DIR)}}).execute()
    return nb


def outputs(nb: Any, kind: str) -> list[str]:
    """All outputs of one MIME type (or ``stream``) as strings."""
    out = []
    for c in nb.cells:
        for o in c.get("outputs", []):
            if kind == "stream" and o.output_type == "stream":
                out.append(o.text)
            elif kind != "stream" and kind in o.get("data", {}):
                out.append(o["data"][kind])
    return out


def test_explore_runs_on_the_example_corpus(monkeypatch: pytest.MonkeyPatch) -> None:
    nb = run(EXPLORE, monkeypatch)
    streams = "".join(outputs(nb, "stream"))
    assert "pipeline: rules" in streams and "10 articles" in streams
    html = "".join(outputs(nb, "text/html"))
    assert html.count('class="qa-article"') == 2 and 'class="qa-quote' in html and "data-speaker=" in html
    assert_figures_read_at_a_glance(nb, 3)  # speakers, timeline, outlets
    assert "Warta Contoh" in html and "speaker_id" in html
    assert "3 quotes found in more than one article, 3 across outlets" in streams  # contoh-009/010 repeat earlier quotes
    assert "repeated_by" in html and "Bayu Krisnamurthi" in html


def test_explore_takes_another_corpus(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        '{"id": "x1", "date": "2024-01-02", "outlet": "A", "text": "“Kami siap,” kata Menteri Budi Santoso. Budi Santoso mengatakan bahwa stok aman."}\n'
        '{"id": "x2", "date": "2024-02-03", "outlet": "B", "text": "“Harga turun,” ujar Siti Rahma."}\n',
        encoding="utf-8",
    )
    nb = run(EXPLORE, monkeypatch, CORPUS=str(corpus), FREQ="M", TOP=3, N_HIGHLIGHT=1)
    assert "2 articles" in "".join(outputs(nb, "stream"))
    assert "".join(outputs(nb, "text/html")).count('class="qa-article"') == 1


def test_evaluate_falls_back_to_the_shipped_gold(monkeypatch: pytest.MonkeyPatch) -> None:
    nb = run(EVALUATE, monkeypatch, GOLD="does/not/exist.jsonl")
    streams = "".join(outputs(nb, "stream"))
    assert "using the shipped gold file" in streams and "mini.gold.jsonl, 4 articles, 16 gold quotes" in streams
    html = "".join(outputs(nb, "text/html"))
    assert "attribution" in html and "speaker_accuracy" in html
    assert html.count('class="qa-article"') == 2  # gold and predicted side by side (CC0 text)
    assert_figures_read_at_a_glance(nb, 1)  # errors by kind


@pytest.mark.skipif(not SHARED_GOLD.is_file(), reason=f"shared dev gold not present at {SHARED_GOLD}")
def test_evaluate_runs_on_the_default_gold(monkeypatch: pytest.MonkeyPatch) -> None:
    nb = run(EVALUATE, monkeypatch)
    streams = "".join(outputs(nb, "stream"))
    assert "gold: dev.gold.jsonl" in streams and "using the shipped" not in streams


@pytest.mark.parametrize("path", [EXPLORE, EVALUATE], ids=lambda p: p.name)
def test_committed_notebooks_are_executed_small_and_in_sync(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(c.get("outputs") or c.execution_count for c in code[1:]), "commit the notebook executed"
    assert not [o for c in code for o in c.get("outputs", []) if o.output_type == "error"]
    assert path.stat().st_size < 250_000, "keep outputs small"
    assert any("parameters" in c.metadata.get("tags", []) for c in code)
    # the notebooks are generated by notebooks/_build.py: sources must match
    spec = importlib.util.spec_from_file_location("_nb_build", NB_DIR / "_build.py")
    assert spec and spec.loader
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    fresh = build.explore() if path == EXPLORE else build.evaluate_nb()
    assert [c.source for c in copy.deepcopy(fresh).cells] == [c.source for c in nb.cells], "re-run notebooks/_build.py"


def _readme_command(marker: str) -> str:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    m = re.search(re.escape(f"<!-- {marker} -->") + r"\s*```bash\n(.+?)\n```", readme, re.DOTALL)
    assert m, f"README.md has no {marker} block"
    return m.group(1).strip()


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=5) as resp:
            return resp.status, resp.read()
    except urllib.error.HTTPError as exc:
        return exc.code, b""
    except OSError:  # not listening yet
        return 0, b""


def test_readme_command_opens_the_notebooks_in_jupyterlab(tmp_path: Path) -> None:
    """The README's notebooks command starts JupyterLab, which serves both notebooks with a Python kernel."""
    install, _, open_cmd = _readme_command("notebooks-command").partition(" && ")
    assert '".[notebooks]"' in install
    argv = shlex.split(open_cmd)
    assert argv[:2] == [".venv/bin/jupyter", "lab"], open_cmd
    exe = Path(sys.executable).parent / "jupyter"  # this environment's .venv/bin
    assert exe.is_file(), "jupyter is not installed: the notebooks extra must bring JupyterLab"
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    token = "quoteattr-test"
    env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(tmp_path / "rt"), "JUPYTER_CONFIG_DIR": str(tmp_path / "cfg")}
    flags = ["--no-browser", f"--port={port}", "--ip=127.0.0.1", f"--IdentityProvider.token={token}"]
    if os.geteuid() == 0:  # CI containers run as root, which Jupyter refuses without this
        flags.append("--allow-root")
    proc = subprocess.Popen([str(exe), *argv[1:], *flags], cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        status = 0
        while time.monotonic() < deadline and proc.poll() is None:
            status, _ = _get(f"{base}/api/status?token={token}")
            if status == 200:
                break
            time.sleep(0.5)
        assert status == 200, f"JupyterLab did not start: {proc.stderr.read().decode()[-2000:] if proc.poll() is not None else 'timed out'}"
        assert _get(f"{base}/lab?token={token}")[0] == 200
        for name in (EXPLORE.name, EVALUATE.name):
            code, body = _get(f"{base}/api/contents/{name}?token={token}")
            assert code == 200 and json.loads(body)["type"] == "notebook", name
        code, body = _get(f"{base}/api/kernelspecs?token={token}")
        assert code == 200 and "python3" in json.loads(body)["kernelspecs"]
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
