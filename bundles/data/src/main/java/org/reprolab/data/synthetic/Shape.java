package org.reprolab.data.synthetic;

/**
 * Plane shapes in unit coordinates: centred at the origin, {@code v} pointing up, about two units across.
 * {@link #radius()} bounds the shape in every rotation, so a sprite of half-size h stays within h·radius of its
 * centre.
 */
public enum Shape {
    /** The square |u| ≤ 1, |v| ≤ 1. */
    SQUARE(Math.sqrt(2)),
    /** The unit disk. */
    DISK(1),
    /** An ellipse with semi-axes 1.25 (along u) and 0.6 (along v), as elongated as dSprites' ellipse. */
    ELLIPSE(1.25),
    /** The equilateral triangle inscribed in the unit circle, pointing up (side √3). */
    TRIANGLE(1),
    /** A plus sign: two bars 2 long and 0.7 wide. */
    CROSS(Math.hypot(1, 0.35)),
    /** The heart curve (x² + y² − 1)³ ≤ x²y³ scaled by 1/1.1 and moved down by 0.1/1.1 so it spans about [−1, 1]. */
    HEART(1.23);

    private static final double SQRT3_HALF = Math.sqrt(3) / 2;

    private final double radius;

    Shape(double radius) {
        this.radius = radius;
    }

    /** A bound on the distance from the centre to any point of the shape. */
    public double radius() {
        return radius;
    }

    /** Whether the point (u, v) lies in the shape. */
    public boolean contains(double u, double v) {
        return switch (this) {
            case SQUARE -> Math.abs(u) <= 1 && Math.abs(v) <= 1;
            case DISK -> u * u + v * v <= 1;
            case ELLIPSE -> (u / 1.25) * (u / 1.25) + (v / 0.6) * (v / 0.6) <= 1;
            // Three half-planes at distance 1/2 (the inradius) with outward normals at −90°, 30° and 150°.
            case TRIANGLE -> -v <= 0.5 && SQRT3_HALF * u + 0.5 * v <= 0.5 && -SQRT3_HALF * u + 0.5 * v <= 0.5;
            case CROSS -> (Math.abs(u) <= 0.35 && Math.abs(v) <= 1) || (Math.abs(v) <= 0.35 && Math.abs(u) <= 1);
            case HEART -> {
                double x = 1.1 * u;
                double y = 1.1 * v + 0.1;
                double a = x * x + y * y - 1;
                yield a * a * a <= x * x * y * y * y;
            }
        };
    }
}
