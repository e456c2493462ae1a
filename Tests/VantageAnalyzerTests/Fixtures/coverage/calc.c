#include <stdio.h>

int clamp(int v, int lo, int hi) {
    if (v < lo) return lo;
    if (v > hi) return hi;
    return v;
}

int never_called(int x) {
    return x * 2;
}

int main(void) {
    int total = 0;
    for (int i = 0; i < 5; i++) {
        total += clamp(i, 1, 3);
    }
    printf("%d\n", total);
    return 0;
}
