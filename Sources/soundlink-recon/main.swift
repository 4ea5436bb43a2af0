import ReconKit
