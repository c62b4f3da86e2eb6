"""claimtrack's tests."""
