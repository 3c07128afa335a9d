console.log("facetty");
