// The VantageAnalyzer module. See docs/ARCHITECTURE.md for what it holds and what it may import.
import VantageCore
