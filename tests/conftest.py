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
    """The device the examples run on: AUTOGRAD_DEVICE, default cpu.

    Asking for cuda on a machine without a CUDA device fails loudly: a GPU
    session must never pass by running nothing.
    """
    device = os.environ.get("AUTOGRAD_DEVICE", "cpu")
    if device == "cuda":
        import torch

        if not torch.cuda.is_available():
            pytest.fail("AUTOGRAD_DEVICE=cuda but torch.cuda.is_available() is False", pytrace=False)
    return device


@pytest.fixture(scope="session")
def accept(request):
    return request.config.getoption("--accept")
