<?xml version="1.0" encoding="UTF-8"?>
<tileset version="1.10" tiledversion="1.10.2" name="seine_bench_glints" tilewidth="64" tileheight="16" tilecount="12" columns="4">
 <image source="seine_bench_glints.png" width="256" height="48"/>
 <tile id="0">
  <animation>
   <frame tileid="0" duration="1000"/>
   <frame tileid="1" duration="750"/>
   <frame tileid="2" duration="750"/>
   <frame tileid="3" duration="1000"/>
  </animation>
 </tile>
 <tile id="1">
  <animation>
   <frame tileid="0" duration="750"/>
   <frame tileid="1" duration="750"/>
   <frame tileid="2" duration="1000"/>
   <frame tileid="3" duration="750"/>
  </animation>
 </tile>
 <tile id="2">
  <animation>
   <frame tileid="0" duration="750"/>
   <frame tileid="1" duration="1000"/>
   <frame tileid="2" duration="750"/>
   <frame tileid="3" duration="750"/>
  </animation>
 </tile>
 <tile id="4">
  <animation>
   <frame tileid="4" duration="750"/>
   <frame tileid="5" duration="750"/>
   <frame tileid="6" duration="1000"/>
   <frame tileid="7" duration="750"/>
  </animation>
 </tile>
 <tile id="5">
  <animation>
   <frame tileid="4" duration="750"/>
   <frame tileid="5" duration="1000"/>
   <frame tileid="6" duration="750"/>
   <frame tileid="7" duration="750"/>
  </animation>
 </tile>
 <tile id="6">
  <animation>
   <frame tileid="4" duration="1000"/>
   <frame tileid="5" duration="750"/>
   <frame tileid="6" duration="750"/>
   <frame tileid="7" duration="1000"/>
  </animation>
 </tile>
 <tile id="8">
  <animation>
   <frame tileid="8" duration="750"/>
   <frame tileid="9" duration="1000"/>
   <frame tileid="10" duration="750"/>
   <frame tileid="11" duration="750"/>
  </animation>
 </tile>
 <tile id="9">
  <animation>
   <frame tileid="8" duration="1000"/>
   <frame tileid="9" duration="750"/>
   <frame tileid="10" duration="750"/>
   <frame tileid="11" duration="1000"/>
  </animation>
 </tile>
 <tile id="10">
  <animation>
   <frame tileid="8" duration="750"/>
   <frame tileid="9" duration="750"/>
   <frame tileid="10" duration="1000"/>
   <frame tileid="11" duration="750"/>
  </animation>
 </tile>
</tileset>
