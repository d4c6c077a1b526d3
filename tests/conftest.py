import os

import pytest


def pytest_addoption(parser):
    parser.addoption(
        "--accept",
        action="store_true",
        help="rewrite examples/records/ with this run's outputs instead of comparing",
    )


@pytest.fixture(scope="session")
def doctest_device():
    """The records the doctest compares with: AUTOGRAD_DEVICE, default cpu.

    The examples pick their device themselves, the GPU when torch sees one;
    the CPU run hides it (CUDA_VISIBLE_DEVICES=).  A device that is not the
    one the examples will pick fails loudly: a GPU session must never pass by
    running nothing, nor a CPU one diff every page against a GPU run.
    """
    device = os.environ.get("AUTOGRAD_DEVICE", "cpu")
    import torch

    if device == "cuda" and not torch.cuda.is_available():
        pytest.fail("AUTOGRAD_DEVICE=cuda but torch.cuda.is_available() is False", pytrace=False)
    if device == "cpu" and torch.cuda.is_available():
        pytest.fail("AUTOGRAD_DEVICE=cpu but torch sees a CUDA device, which the examples would use: "
                    "hide it with CUDA_VISIBLE_DEVICES= (empty)", pytrace=False)
    return device


@pytest.fixture(scope="session")
def accept(request):
    return request.config.getoption("--accept")
